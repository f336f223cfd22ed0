/**
 * What the buttons under an answer do. The answer's state (question, ranked passage ids, corpus
 * version) comes from the store by the key in the button's id, so buttons work after a restart.
 * "Next passage" changes the answer in place for the one who asked and sends anyone else a
 * private copy (whose own buttons then change that copy); "full paragraph" and the votes answer
 * privately. A button whose answer expired, or whose passage left the article or now says something
 * else, gets a polite note.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { textDigest, type Answer, type Engine, type Passage, type RankedPassage } from '../engine/index.ts';
import type { FoundAnswer, VoteOutcome } from '../storage/answer-store.ts';
import type { BotContext } from './command.ts';
import { decodeButtonId, type ButtonId } from './custom-id.ts';
import { ANSWER_PASSAGES } from './answer-post.ts';
import { discordStrings, localeOf, type DiscordStrings } from './strings.ts';
import { renderAnswer, renderPassages } from './render/answer.ts';
import { renderNotice } from './render/notice.ts';
import { toPayload } from './render/payload.ts';
import { respondPrivately } from './respond.ts';
import { asLocale, type Locale } from '../view/strings.ts';

/** Handles a press on one of our buttons; false when the button is not ours (another feature's). */
export async function handleAnswerButton(interaction: ButtonInteraction, context: BotContext): Promise<boolean> {
  const id = decodeButtonId(interaction.customId);
  if (id === null) return false;
  const locale = localeOf(interaction.locale);
  const strings = discordStrings(locale);
  const note = (text: string) => respondPrivately(interaction, renderNotice(text));
  if (id === 'stale') return note(strings.staleButton).then(() => true);
  const found = await context.store.findAnswer(id.key, interaction.user.id);
  if (!found) return note(strings.staleAnswer(context.config.ANSWER_TTL_DAYS)).then(() => true);
  const engine = context.live.engine;
  const passages = passagesNow(found, engine);
  const shown = passages[id.page];
  const gone = (page: number) => passages[page] === undefined;
  if (id.action === 'up' || id.action === 'down') {
    // Counted for the passage the answer showed when the member voted (for /stats), so only while
    // that passage still says what it said: the other pages do not matter to a vote.
    if (gone(id.page)) return note(strings.stalePassage).then(() => true);
    const outcome = await context.store.vote(id.key, interaction.user.id, id.action, shown!.id);
    await note(voteText(outcome, strings, context.config.ANSWER_TTL_DAYS));
    return true;
  }
  if (id.action === 'next') {
    // `id.page` is the page to show. Any page that lost its passage: the pages no longer add up.
    if (!shown || passages.some((_, page) => gone(page))) return note(strings.staleAnswerPages).then(() => true);
  } else if (!shown || gone(id.page)) {
    // The paragraph of the passage on screen, as long as that passage still says what it said.
    return note(strings.stalePassage).then(() => true);
  }
  if (id.action === 'full') {
    const parts = engine.passagesOf(shown.doc).filter((p) => p.paragraph === shown.paragraph);
    await respondPrivately(interaction, renderPassages(parts, locale));
    return true;
  }
  // Only "next" comes here, with every page's passage found (checked above).
  await showPage(interaction, engine, found, passages as Passage[], id, locale);
  return true;
}

/**
 * The passages of a stored answer as the live corpus has them: by id, or, after a reload that
 * gave the text another id (a paragraph inserted above renumbers the ones below it), the passage
 * of the same article with the same text; undefined for one whose text is gone. An answer saved
 * without digests, or on the live corpus version, is taken by its ids alone.
 */
function passagesNow(found: FoundAnswer, engine: Engine): (Passage | undefined)[] {
  const digests = found.passageDigests;
  if (found.corpusVersion === engine.info().version || digests === null)
    return found.passageIds.map((pid) => engine.passage(pid));
  return found.passageIds.map((pid, page) => {
    const passage = engine.passage(pid);
    if (passage && textDigest(passage) === digests[page]) return passage;
    return engine.passagesOf(pid.slice(0, pid.lastIndexOf('#'))).find((p) => textDigest(p) === digests[page]);
  });
}

/**
 * "Next passage": the answer again with page `id.page` as its lead. In place on the asker's
 * answer or on a private copy; a new private copy for anyone else.
 */
async function showPage(
  interaction: ButtonInteraction,
  engine: Engine,
  found: FoundAnswer,
  passages: readonly Passage[],
  id: ButtonId,
  viewerLocale: Locale,
): Promise<void> {
  const inPlace = id.privateCopy || found.byAsker;
  // Edits keep the language the answer was written in; a copy is in the language of who asked for it.
  const locale = inPlace ? asLocale(found.locale) : viewerLocale;
  const message = renderAnswer(storedAnswer(engine, found, passages), locale, {
    page: id.page,
    buttons: { key: found.key, privateCopy: id.privateCopy || !found.byAsker },
  });
  if (inPlace) await interaction.update(toPayload(message));
  else await interaction.reply({ ...toPayload(message), flags: MessageFlags.Ephemeral });
}

/**
 * The stored answer as the engine answers it now: the question asked again for its marks and
 * confidence, its `passages` in the stored order (a passage it no longer ranks is shown unmarked).
 */
function storedAnswer(engine: Engine, found: FoundAnswer, passages: readonly Passage[]): Answer {
  const now = engine.ask(found.question, { limit: ANSWER_PASSAGES });
  const ranked = passages.map((passage): RankedPassage => {
    const again = now.passages.find((r) => r.passage.id === passage.id);
    if (again) return again;
    return { passage, score: 0, highlights: [], bestSentence: { start: 0, end: passage.text.length } };
  });
  return { ...now, passages: ranked };
}

function voteText(outcome: VoteOutcome, strings: DiscordStrings, ttlDays: number): string {
  if (outcome === 'counted') return strings.voteThanks;
  if (outcome === 'changed') return strings.voteChanged;
  if (outcome === 'unchanged') return strings.voteUnchanged;
  return strings.staleAnswer(ttlDays);
}
