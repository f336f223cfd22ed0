/** Every command, in the order `/help` and the deploy script list them. */
import type { Command } from '../src/discord/command.ts';
import { about } from './about.ts';
import { ask } from './ask.ts';
import { askMessage } from './ask-message.ts';
import { help } from './help.ts';
import { passage } from './passage.ts';
import { reload } from './reload.ts';
import { unanswered } from './unanswered.ts';
import { stats } from './stats.ts';
import { settings } from './settings.ts';
import { forget } from './forget.ts';

export const commands: readonly Command[] = [
  ask,
  askMessage,
  passage,
  about,
  reload,
  unanswered,
  stats,
  settings,
  forget,
  help,
];
