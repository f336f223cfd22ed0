/**
 * The language knowledge the engine uses besides the corpus, loaded from `lexicon/` once per
 * process, on first use. The English bridge loads when the first question that may be English
 * comes, or, on a start from a saved index, once the bot is ready (see `unpack.ts`): some tens
 * of milliseconds and 12 MB that a bot whose members never ask in English spends for nothing,
 * against a stall in the middle of answers.
 */
import { ChatForms } from './chat-forms.ts';
import { EnglishBridge } from './english-bridge.ts';
import { SlovenianWords } from './slovenian-words.ts';
import { WordnetSynonyms } from './wordnet-synonyms.ts';

export interface Lexicon {
  words: SlovenianWords;
  chat: ChatForms;
  synonyms: WordnetSynonyms;
  english(): EnglishBridge;
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!loaded) {
    let english: EnglishBridge | undefined;
    loaded = {
      words: SlovenianWords.load(),
      chat: ChatForms.load(),
      synonyms: WordnetSynonyms.load(),
      english: () => (english ??= EnglishBridge.load()),
    };
  }
  return loaded;
}
