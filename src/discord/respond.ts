/**
 * Sending a message in answer to an interaction (a command, a button), whatever state it is in
 * (acknowledged or not), always with mentions off.
 */
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { toPayload, type BotMessage } from './render/payload.ts';

/** Replies, or fills in the deferred reply; `ephemeral` only matters for a first reply. */
export async function respond(
  interaction: RepliableInteraction,
  message: BotMessage,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  const payload = toPayload(message);
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply(payload);
    return;
  }
  await interaction.reply({ ...payload, flags: options.ephemeral ? MessageFlags.Ephemeral : undefined });
}

/** A short message only the user sees (refusals, errors), whatever state the interaction is in. */
export async function respondPrivately(interaction: RepliableInteraction, message: BotMessage): Promise<void> {
  const payload = toPayload(message);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(payload);
  } else {
    // A public "thinking…" placeholder would otherwise stay forever; drop it, then whisper.
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
}
