// `npm start`: the bot (src/main.ts) from its bundle, made or refreshed first if needed (see bundle.mjs).
import { runBundled } from './bundle.mjs';

await runBundled('main');
