/**
 * Moderator commands: offered by default only to members with Manage Server, not in DMs, and
 * checked again when run (a server's admins can override the default per role or channel).
 */
import {
  InteractionContextType,
  PermissionFlagsBits,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Locale } from '../view/strings.ts';
import { moderatorStrings } from './moderator-strings.ts';
import { renderNotice } from './render/notice.ts';
import { respondPrivately } from './respond.ts';

/** The part of a command definition that makes it a moderator command. */
export const MODERATORS_ONLY = {
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
};

/**
 * Tells the user privately why they cannot run a moderator command (in a DM, or without Manage
 * Server) and returns true; returns false when they may.
 */
export async function refusedUnlessModerator(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  locale: Locale,
  texts: { guildOnly: string; forbidden: string } = moderatorStrings(locale),
): Promise<boolean> {
  if (!interaction.inGuild()) {
    await respondPrivately(interaction, renderNotice(texts.guildOnly));
    return true;
  }
  if (!isModerator(interaction)) {
    await respondPrivately(interaction, renderNotice(texts.forbidden));
    return true;
  }
  return false;
}

/** Whether who sent `interaction` may run the moderator commands here (Manage Server; never in a DM). */
export function isModerator(interaction: Pick<ChatInputCommandInteraction, 'memberPermissions'>): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
