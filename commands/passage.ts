import { ApplicationCommandOptionType } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { discordStrings, localizedDescription } from '../src/discord/strings.ts';
import { LIMITS } from '../src/discord/limits.ts';
import { passageChoices } from '../src/discord/render/choices.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { renderPassage } from '../src/discord/render/answer.ts';
import { respond, respondPrivately } from '../src/discord/respond.ts';

/** Ids named when a paragraph number alone is in several articles: a few to choose from, not a list. */
const PASSAGES_NAMED = 5;

export const passage = {
  data: {
    name: 'passage',
    ...localizedDescription('Pokaži cel odlomek z navedbo vira.', 'Show one whole passage with its citation.'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        ...localizedDescription('Oznaka odlomka, npr. clanek#7', 'Passage id, e.g. article#7'),
        required: true,
        autocomplete: true,
        max_length: LIMITS.choiceValue,
      },
    ],
  },
  help: {
    sl: '`id` — cel odlomek z oznako, npr. `clanek#7` (pri enem članku dovolj `7` ali `¶ 7`).',
    en: '`id` — a whole passage by its id, e.g. `article#7` (with one article, `7` or `¶ 7` will do).',
  },
  async execute(interaction, { live, locale }) {
    const id = interaction.options.getString('id', true);
    const found = live.engine.passageAsTyped(id);
    const strings = discordStrings(locale);
    // "9" with several articles: each of their ninth paragraphs, so the member can pick one.
    const numbered = found ? [] : live.engine.passagesNumbered(id).map((p) => p.id);
    if (numbered.length > 0) {
      const shown = numbered.slice(0, PASSAGES_NAMED);
      return respondPrivately(
        interaction,
        renderNotice(strings.passageInSeveral(shown, numbered.length - shown.length)),
      );
    }
    // The id is echoed inside `…`, where a backtick would end the code span early: it is shown as
    // the modifier letter ˋ, which looks the same, rather than as an apostrophe, which does not.
    if (!found) return respondPrivately(interaction, renderNotice(strings.passageNotFound(id.replace(/`/g, 'ˋ'))));
    await respond(interaction, renderPassage(found, locale));
  },
  async autocomplete(interaction, { live }) {
    const query = interaction.options.getFocused();
    await interaction.respond(passageChoices(live.engine.suggest(query, LIMITS.choices)));
  },
} satisfies SlashCommand;
