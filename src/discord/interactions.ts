/**
 * Routes interactions (slash commands, the message context menu, autocomplete, the buttons under
 * answers) and is the one place where their errors end: the user gets a short private message,
 * the log gets the detail. An interaction Discord has already forgotten (10062, we were too slow)
 * cannot be told anything, so it is only logged.
 */
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
} from 'discord.js';
import type { Locale } from '../view/strings.ts';
import { isMessageCommand, type BotContext, type Command } from './command.ts';
import { handleAnswerButton } from './answer-buttons.ts';
import { discordStrings, localeOf } from './strings.ts';
import { renderNotice } from './render/notice.ts';
import { respondPrivately } from './respond.ts';
import { log } from '../log.ts';
import { isTokenRefused, TOKEN_REFUSED_WHILE_RUNNING } from './connect-failure.ts';

/** Errors that mean "this interaction can no longer be answered"; telling the user would fail too. */
const GONE = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.UnknownWebhook,
]);

/**
 * Discord drops autocomplete answers after 3 s. One that waited this long behind others (a burst
 * of keystrokes) gets an empty list at once: a later keystroke's suggestions replace it anyway.
 */
export const AUTOCOMPLETE_BUDGET_MS = 2000;

export function isInteractionGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && GONE.has(error.code);
}

/** Runs what an interaction asks for, in the language of the user's client. Never throws. */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, context);
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isButton())
    return;
  const locale = localeOf(interaction.locale);
  const started = Date.now();
  const what = interaction.isButton() ? `button ${interaction.customId}` : `/${interaction.commandName}`;
  // Where, not who: the log is kept outside the database's retention rules, so no user id goes in.
  const where = `${what}${interaction.guildId ? ` in ${interaction.guildId}` : ' in DM'}`;
  try {
    if (interaction.isButton()) {
      if (!(await handleAnswerButton(interaction, context)) && !(await commandButton(interaction, context, locale)))
        throw new Error(`unknown button ${interaction.customId}`);
    } else {
      const command = findCommand(context.commands, interaction.commandName, interaction.isMessageContextMenuCommand());
      // A stale registration (commands deployed from a newer or older version) lands here.
      if (!command) throw new Error(`unknown command /${interaction.commandName}`);
      const commandContext = { ...context, locale };
      if (isMessageCommand(command)) {
        if (!interaction.isMessageContextMenuCommand()) throw new Error(`/${command.data.name} is a message command`);
        await command.execute(interaction, commandContext);
      } else {
        if (!interaction.isChatInputCommand()) throw new Error(`/${command.data.name} is a slash command`);
        await command.execute(interaction, commandContext);
      }
    }
    log.info(`${where} (${Date.now() - started} ms)`);
  } catch (error) {
    await reportFailure(interaction, error, where, locale);
  }
}

/** A press on a button a command put in its reply: the first command that knows it handles it. */
async function commandButton(interaction: ButtonInteraction, context: BotContext, locale: Locale): Promise<boolean> {
  for (const command of context.commands)
    if (!isMessageCommand(command) && (await command.button?.(interaction, { ...context, locale }))) return true;
  return false;
}

function findCommand(commands: readonly Command[], name: string, messageCommand: boolean): Command | undefined {
  return commands.find((c) => c.data.name === name && isMessageCommand(c) === messageCommand);
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const command = findCommand(context.commands, interaction.commandName, false);
  try {
    if (Date.now() - interaction.createdTimestamp > AUTOCOMPLETE_BUDGET_MS) {
      log.debug(`autocomplete for /${interaction.commandName} came late; answered with no suggestions`);
      return await interaction.respond([]);
    }
    if (command && !isMessageCommand(command))
      await command.autocomplete?.(interaction, { ...context, locale: localeOf(interaction.locale) });
  } catch (error) {
    if (isInteractionGone(error)) return log.debug(`autocomplete for /${interaction.commandName} expired`);
    log.warn(`autocomplete for /${interaction.commandName} failed`, error);
    // Discord shows "loading options failed" to an autocomplete left unanswered; an empty list shows nothing wrong.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
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
  if (isTokenRefused(error)) log.error(`${where} failed: ${TOKEN_REFUSED_WHILE_RUNNING}`);
  else log.error(`${where} failed`, error);
  if (!interaction.isRepliable()) return;
  try {
    await respondPrivately(interaction, renderNotice(discordStrings(locale).internalError));
  } catch (notified) {
    log.warn(
      `${where}: could not tell the user about the failure`,
      notified instanceof Error ? notified.message : notified,
    );
  }
}
