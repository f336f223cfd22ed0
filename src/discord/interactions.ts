/**
 * Routes interactions to commands and is the one place where their errors end: the user gets a
 * short private message, the log gets the detail. An interaction Discord has already forgotten
 * (10062, we were too slow) cannot be told anything, so it is only logged.
 */
import { DiscordAPIError, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import type { Locale } from '../view/strings.ts';
import type { BotContext } from './command.ts';
import { discordStrings, localeOf } from './strings.ts';
import { renderNotice } from './render/notice.ts';
import { respondPrivately } from './respond.ts';
import { log } from '../log.ts';

/** Errors that mean "this interaction can no longer be answered"; telling the user would fail too. */
const GONE = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.UnknownWebhook,
]);

export function isInteractionGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && GONE.has(error.code);
}

/** Runs the command an interaction names, in the language of the user's client. Never throws. */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  if (!interaction.isAutocomplete() && !interaction.isChatInputCommand()) return;
  const command = context.commands.find((c) => c.data.name === interaction.commandName);
  const locale = localeOf(interaction.locale);
  if (interaction.isAutocomplete()) {
    try {
      await command?.autocomplete?.(interaction, { ...context, locale });
    } catch (error) {
      // Autocomplete has no place to show an error; an empty list is what the user sees anyway.
      if (isInteractionGone(error)) log.debug(`autocomplete for /${interaction.commandName} expired`);
      else log.warn(`autocomplete for /${interaction.commandName} failed`, error);
    }
    return;
  }
  const started = Date.now();
  const where = `/${interaction.commandName} by ${interaction.user.id}${interaction.guildId ? ` in ${interaction.guildId}` : ' in DM'}`;
  try {
    // A stale registration (commands deployed from a newer or older version) lands here.
    if (!command) throw new Error(`unknown command /${interaction.commandName}`);
    await command.execute(interaction, { ...context, locale });
    log.info(`${where} (${Date.now() - started} ms)`);
  } catch (error) {
    await reportFailure(interaction, error, where, locale);
  }
}

async function reportFailure(interaction: Interaction, error: unknown, where: string, locale: Locale): Promise<void> {
  if (isInteractionGone(error)) {
    const code = (error as DiscordAPIError).code;
    // 40060 means our own code acknowledged twice: a bug to fix, not a slow host, so it is an error.
    if (code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
      log.error(`${where}: the interaction was acknowledged twice (${code})`, error);
    else log.warn(`${where}: the interaction expired before we answered (${code})`);
    return;
  }
  log.error(`${where} failed`, error);
  if (!interaction.isChatInputCommand()) return;
  try {
    await respondPrivately(interaction, renderNotice(discordStrings(locale).internalError));
  } catch (notified) {
    log.warn(
      `${where}: could not tell the user about the failure`,
      notified instanceof Error ? notified.message : notified,
    );
  }
}
