import type { Command } from '../src/discord/command.ts';
import { describe, localeOf } from '../src/discord/i18n.ts';
import { renderHelp } from '../src/discord/render.ts';
import { respond } from '../src/discord/respond.ts';

export const help = {
  data: {
    name: 'help',
    ...describe('Kako me uporabljati.', 'How to use this bot.'),
  },
  async execute(interaction, { config }) {
    await respond(interaction, renderHelp(localeOf(interaction.locale), config.QA_CHANNEL_IDS), { ephemeral: true });
  },
} satisfies Command;
