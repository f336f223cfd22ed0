/**
 * Sending a message in answer to an interaction (a command, a button), whatever state it is in
 * (acknowledged or not), always with mentions off; and answering within Discord's 3 s with one
 * request when the answer is ready in time, with a defer and an edit only when it is not.
 */
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type RepliableInteraction } from 'discord.js';
import { toPayload, type BotMessage } from './render/payload.ts';
import { answerTurns, type Turns } from './turns.ts';
import { log } from '../log.ts';
import { LATE, withinBudget } from '../within-budget.ts';
import { sendDefer, sendEdit, sendReply } from './interaction-rest.ts';

/** Discord's "this interaction has already been acknowledged". */
function alreadyAcknowledged(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/**
 * Acknowledges with `acknowledge` (a reply or a defer). If Discord says the interaction was
 * already acknowledged (40060), an earlier attempt got through although its answer did not come
 * back (a callback aborted after its timeout and retried), or another process of the bot
 * answered: the interaction is then treated as acknowledged with `as`, so what follows edits the
 * reply. False in that case, true when `acknowledge` succeeded.
 */
async function acknowledgeOnce(
  interaction: RepliableInteraction,
  acknowledge: () => Promise<unknown>,
  as: 'replied' | 'deferred',
): Promise<boolean> {
  try {
    await acknowledge();
    return true;
  } catch (error) {
    if (!alreadyAcknowledged(error)) throw error;
    log.warn(
      `${describe(interaction)}: already acknowledged (40060), an earlier attempt got through; editing the reply`,
    );
    interaction[as] = true;
    return false;
  }
}

/** `/ask`, `button a1b2:next`: which interaction a log line is about. */
function describe(interaction: RepliableInteraction): string {
  if (interaction.isCommand()) return `/${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `button ${interaction.customId}`;
  return 'interaction';
}

/** Replies, or fills in the deferred reply; `ephemeral` only matters for a first reply. */
export async function respond(
  interaction: RepliableInteraction,
  message: BotMessage,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  if (interaction.deferred || interaction.replied) {
    await sendEdit(interaction, message);
    return;
  }
  const reply = () => sendReply(interaction, message, options.ephemeral === true);
  if (!(await acknowledgeOnce(interaction, reply, 'replied'))) await sendEdit(interaction, message);
}

/** A short message only the user sees (refusals, errors), whatever state the interaction is in. */
export async function respondPrivately(interaction: RepliableInteraction, message: BotMessage): Promise<void> {
  const payload = toPayload(message);
  if (!interaction.deferred && !interaction.replied) {
    const reply = () => interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    if (!(await acknowledgeOnce(interaction, reply, 'replied'))) await interaction.editReply(payload);
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(payload);
  } else {
    // A public "thinking…" placeholder would otherwise stay forever; drop it, then whisper.
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

/**
 * How old an interaction is, in milliseconds: Discord's clock (its id's timestamp) against ours.
 * 0 when ours is behind; a clock ahead only makes the bot defer more, never miss the 3 s.
 */
export function interactionAge(interaction: Pick<RepliableInteraction, 'createdTimestamp'>, now = Date.now()) {
  return Math.max(0, now - interaction.createdTimestamp);
}

/** How `respondInTime` answered: one reply, or a defer ("thinking…") and then an edit. */
export type ResponseMode = 'replied' | 'deferred';

export interface TimeBudget {
  /** Milliseconds after the interaction's creation within which the answer may be the reply itself. */
  budgetMs: number;
  /** The answer (and the "thinking…" placeholder, if any) only for the user who asked. */
  ephemeral?: boolean;
  /** The queue answers take turns in (the bot's own unless a test brings one). */
  turns?: Turns;
}

/**
 * Answers with one request when the message is ready within the time budget, which is nearly
 * always: a defer and its edit are two requests where one would do, and the edit goes through a
 * route discord.js throttles to 50 requests a second, so under a burst deferred answers queue
 * up. Defers first when the interaction will be older than the budget by the time its turn
 * comes (the bot is behind: a burst, a slow host), and defers when `produce` returns a promise
 * that is not settled when the budget runs out (an engine still loading); the edit follows when
 * the answer is ready. An error from `produce` is thrown to the caller, with the interaction
 * deferred or not (`respondPrivately` handles both).
 */
export async function respondInTime(
  interaction: RepliableInteraction,
  produce: () => BotMessage | Promise<BotMessage>,
  { budgetMs, ephemeral = false, turns = answerTurns }: TimeBudget,
): Promise<ResponseMode> {
  const defer = () => acknowledgeOnce(interaction, () => sendDefer(interaction, ephemeral), 'deferred');
  const deferThenEdit = async (): Promise<ResponseMode> => {
    await defer();
    await turns.next();
    await respond(interaction, await produce());
    return 'deferred';
  };
  if (interactionAge(interaction) + turns.expectedWaitMs() > budgetMs) return deferThenEdit();
  await turns.next();
  const left = budgetMs - interactionAge(interaction);
  if (left <= 0) {
    await defer();
    await respond(interaction, await produce());
    return 'deferred';
  }
  const produced = produce();
  if (!(produced instanceof Promise)) {
    await respond(interaction, produced, { ephemeral });
    return 'replied';
  }
  const first = await withinBudget(produced, left);
  if (first !== LATE) {
    await respond(interaction, first, { ephemeral });
    return 'replied';
  }
  await defer();
  await respond(interaction, await produced);
  return 'deferred';
}
