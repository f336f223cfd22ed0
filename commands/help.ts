import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { renderHelp } from '../src/discord/render/help.ts';
import { respond } from '../src/discord/respond.ts';

export const help = {
  data: {
    name: 'help',
    ...localizedDescription('Kako me uporabljati.', 'How to use this bot.'),
  },
  help: { sl: '— to sporočilo.', en: '— this message.' },
  async execute(interaction, { commands, commandIds, config, locale }) {
    const ids = await commandIds();
    await respond(interaction, renderHelp(locale, commands, config.QA_CHANNEL_IDS, ids), { ephemeral: true });
  },
} satisfies SlashCommand;
