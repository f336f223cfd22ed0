import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { renderHelp } from '../src/discord/render/help.ts';
import { respond } from '../src/discord/respond.ts';
import { isModerator } from '../src/discord/moderator.ts';

export const help = {
  data: {
    name: 'help',
    ...localizedDescription('Kako me uporabljati.', 'How to use this bot.'),
  },
  help: { sl: '— to sporočilo.', en: '— this message.' },
  async execute(interaction, { commands, commandIds, settings, locale }) {
    const reader = {
      // The server's own channels (its /settings, else QA_CHANNEL_IDS); a DM has none.
      qaChannelIds: interaction.guildId ? (await settings.get(interaction.guildId)).qaChannelIds : [],
      moderator: isModerator(interaction),
      commandIds: await commandIds(),
    };
    await respond(interaction, renderHelp(locale, commands, reader), { ephemeral: true });
  },
} satisfies SlashCommand;
