/**
 * Deleting everything the bot keeps about one server, for `/forget` and for the bot removed from
 * it: the questions still waiting to be logged first (else they land after the deletion), then
 * the database's rows, then the settings in memory (last, so a read under way cannot keep the old
 * ones).
 */
import type { ForgottenGuild } from '../storage/guild-store.ts';
import type { BotContext } from './command.ts';

export async function forgetServer(
  { store, settings, questionLog }: Pick<BotContext, 'store' | 'settings' | 'questionLog'>,
  guildId: string,
): Promise<ForgottenGuild> {
  await questionLog.forget(guildId);
  const gone = await store.forgetGuild(guildId);
  settings.drop(guildId);
  return gone;
}
