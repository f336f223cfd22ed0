import type { Command } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { renderHelp } from '../src/discord/render/help.ts';
import { respond } from '../src/discord/respond.ts';

export const help = {
  data: {
    name: 'help',
    ...localizedDescription('Kako me uporabljati.', 'How to use this bot.'),
  },
  help: { sl: '— to sporočilo.', en: '— this message.' },
  async execute(interaction, { commands, config, locale }) {
    await respond(interaction, renderHelp(locale, commands, config.QA_CHANNEL_IDS), { ephemeral: true });
  },
} satisfies Command;
