import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { renderAbout } from '../src/discord/render/corpus.ts';
import { respond } from '../src/discord/respond.ts';

export const about = {
  data: {
    name: 'about',
    ...localizedDescription(
      'Kateri članki so naloženi, koliko odlomkov, katera različica.',
      'Which articles are loaded, how many passages, which version.',
    ),
  },
  help: {
    sl: '— kateri članki so naloženi in katera različica.',
    en: '— which articles are loaded, and which version.',
  },
  async execute(interaction, { live, locale }) {
    await respond(interaction, renderAbout(live.engine.info(), locale), { ephemeral: true });
  },
} satisfies SlashCommand;
