import type { Command } from '../src/discord/command.ts';
import { describe, localeOf } from '../src/discord/i18n.ts';
import { renderAbout } from '../src/discord/render.ts';
import { respond } from '../src/discord/respond.ts';

export const about = {
  data: {
    name: 'about',
    ...describe('Kateri članki so naloženi, koliko odlomkov, katera različica.', 'Which articles are loaded, how many passages, which version.'),
  },
  async execute(interaction, { live }) {
    await respond(interaction, renderAbout(live.engine.info(), localeOf(interaction.locale)));
  },
} satisfies Command;
