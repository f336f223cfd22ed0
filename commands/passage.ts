import { ApplicationCommandOptionType } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { discordStrings, localizedDescription } from '../src/discord/strings.ts';
import { LIMITS } from '../src/discord/limits.ts';
import { passageChoices } from '../src/discord/render/choices.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { renderPassage } from '../src/discord/render/answer.ts';
import { respond, respondPrivately } from '../src/discord/respond.ts';

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
    // The id is echoed inside `…`, where a backtick would end the code span early: it is shown as
    // the modifier letter ˋ, which looks the same, rather than as an apostrophe, which does not.
    if (!found)
      return respondPrivately(interaction, renderNotice(discordStrings(locale).passageNotFound(id.replace(/`/g, 'ˋ'))));
    await respond(interaction, renderPassage(found, locale));
  },
  async autocomplete(interaction, { live }) {
    const query = interaction.options.getFocused();
    await interaction.respond(passageChoices(live.engine.suggest(query, LIMITS.choices)));
  },
} satisfies SlashCommand;
