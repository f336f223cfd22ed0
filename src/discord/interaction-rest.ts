/**
 * The three requests an answer takes (the reply, a defer, the edit of the deferred reply), sent
 * with bodies built here in Discord's own JSON rather than through discord.js's `reply`,
 * `deferReply` and `editReply`. Those resolve a generic MessagePayload on every call (each key
 * of our embeds, already in Discord's snake_case, goes through lodash's snakeCase again; several
 * modules are `require`d anew per call, which is slow under the TypeScript loader), and an edit
 * builds a Message from the response that nothing here reads. Under a burst of `/ask` that was
 * about a tenth of the main thread's time per answer.
 *
 * The interaction's state is set as discord.js sets it (`replied`, `deferred`, `ephemeral`), so
 * what reads it afterwards (`respondPrivately` after a failure, the central error handler,
 * `followUp`) sees the same interaction as before. Messages with files, and stand-in interactions
 * that are not discord.js's (tests), go through discord.js's methods as before.
 */
import {
  BaseInteraction,
  InteractionResponseType,
  MessageFlags,
  Routes,
  type APIInteractionResponseCallbackData,
  type RepliableInteraction,
  type RESTPostAPIInteractionCallbackJSONBody,
} from 'discord.js';
import { toApiBody, toPayload, type BotMessage } from './render/payload.ts';

/** discord.js asks for the callback without the created message, as here: nothing reads it. */
const WITHOUT_RESPONSE = new URLSearchParams({ with_response: 'false' });

/** Whether `interaction` is discord.js's own (with its REST client), so the requests can be built here. */
function direct(interaction: RepliableInteraction, message?: BotMessage): boolean {
  return interaction instanceof BaseInteraction && !message?.files;
}

async function callback(interaction: RepliableInteraction, body: RESTPostAPIInteractionCallbackJSONBody) {
  await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body,
    auth: false,
    query: WITHOUT_RESPONSE,
  });
}

/** The first reply to `interaction` (not yet acknowledged), only for its user when `ephemeral`. */
export async function sendReply(
  interaction: RepliableInteraction,
  message: BotMessage,
  ephemeral: boolean,
): Promise<void> {
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (!direct(interaction, message)) {
    await interaction.reply({ ...toPayload(message), flags });
    return;
  }
  const data: APIInteractionResponseCallbackData = toApiBody(message);
  if (flags) data.flags = flags;
  await callback(interaction, { type: InteractionResponseType.ChannelMessageWithSource, data });
  interaction.ephemeral = ephemeral;
  interaction.replied = true;
}

/** Acknowledges `interaction` with a "thinking…" placeholder, only for its user when `ephemeral`. */
export async function sendDefer(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (!direct(interaction)) {
    await interaction.deferReply({ flags });
    return;
  }
  await callback(interaction, {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(flags ? { data: { flags } } : {}),
  });
  interaction.deferred = true;
  interaction.ephemeral = ephemeral;
}

/** Replaces the reply of an acknowledged `interaction` (fills in a deferred one) with `message`. */
export async function sendEdit(interaction: RepliableInteraction, message: BotMessage): Promise<void> {
  if (!direct(interaction, message)) {
    await interaction.editReply(toPayload(message));
    return;
  }
  if (!interaction.deferred && !interaction.replied) throw new Error('sendEdit: the interaction was not acknowledged');
  await interaction.client.rest.patch(
    Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'),
    {
      body: toApiBody(message),
      auth: false,
    },
  );
  interaction.replied = true;
}
