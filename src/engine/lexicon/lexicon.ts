/**
 * The language knowledge the engine uses besides the corpus, loaded from `lexicon/` once per
 * process, on first use. The English bridge loads only when the first English question comes.
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
