// `npm run start:sharded`: the shard manager (src/sharded.ts) from its bundle (see bundle.mjs).
import { runBundled } from './bundle.mjs';

await runBundled('sharded');
