/**
 * The baseline of `npm run bench:bot`: a bare discord.js 14 bot that answers every slash command
 * with "pong". It is built like the real bot (the same client options, intents and REST base
 * URL from the same variables) and started the same way, so the difference in the benchmark is
 * what the real bot does beyond acknowledging: reading the question, the engine, rendering.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
  allowedMentions: { parse: [], repliedUser: false },
  failIfNotExists: false,
  rest: { api: process.env.DISCORD_API_URL ?? 'http://127.0.0.1:9/api' },
});

client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  interaction
    .reply({ content: 'pong', allowedMentions: { parse: [] } })
    .catch((error: unknown) => console.error(`pong failed: ${String(error)}`));
});
client.once(Events.ClientReady, (ready) => console.error(`ready as ${ready.user.tag}`));
process.on('SIGTERM', () => void client.destroy().finally(() => process.exit(0)));

await client.login(process.env.DISCORD_TOKEN);
