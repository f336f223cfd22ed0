import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { describe, localeOf, t } from '../src/discord/i18n.ts';
import { LIMITS } from '../src/discord/limits.ts';
import { passageChoices, renderNotice, renderPassage } from '../src/discord/render.ts';
import { respond } from '../src/discord/respond.ts';

export const passage = {
  data: {
    name: 'passage',
    ...describe('Pokaži cel odlomek z navedbo vira.', 'Show one whole passage with its citation.'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        ...describe('Oznaka odlomka, npr. clanek#7', 'Passage id, e.g. article#7'),
        required: true,
        autocomplete: true,
        max_length: LIMITS.choiceValue,
      },
    ],
  },
  async execute(interaction, { live }) {
    const locale = localeOf(interaction.locale);
    const id = interaction.options.getString('id', true);
    const found = live.engine.passage(id);
    // The id is echoed inside `…`; a backtick in it would end the code span early.
    if (!found) return respond(interaction, renderNotice(t(locale).passageNotFound(id.replace(/`/g, "'"))), { ephemeral: true });
    await respond(interaction, renderPassage(found, locale));
  },
  async autocomplete(interaction, { live }) {
    const query = interaction.options.getFocused();
    await interaction.respond(passageChoices(live.engine.suggest(query, LIMITS.choices)));
  },
} satisfies Command;
