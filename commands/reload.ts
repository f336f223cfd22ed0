import { InteractionContextType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { describe, localeOf, t } from '../src/discord/i18n.ts';
import { renderNotice, renderReloadDiff, renderReloadError } from '../src/discord/render.ts';
import { respond } from '../src/discord/respond.ts';
import { CorpusError } from '../src/engine/corpus/corpus-error.ts';
import { log } from '../src/log.ts';

export const reload = {
  data: {
    name: 'reload',
    ...describe('Moderatorji: znova naloži članke in pokaži spremembe.', 'Moderators: reload the articles and show what changed.'),
    // Hidden from members without Manage Server; the handler checks again because server
    // admins can override this default per role or channel.
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    contexts: [InteractionContextType.Guild],
  },
  async execute(interaction, { reload: rebuild }) {
    const text = t(localeOf(interaction.locale));
    if (!interaction.inGuild()) return respond(interaction, renderNotice(text.reloadGuildOnly), { ephemeral: true });
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return respond(interaction, renderNotice(text.reloadForbidden), { ephemeral: true });
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let result;
    try {
      result = await rebuild();
    } catch (error) {
      // Anything but a broken corpus is a bug: the central handler logs its stack and says so.
      if (!(error instanceof CorpusError)) throw error;
      // Not a bot failure: the old index keeps serving, the moderator gets the problems to fix.
      // (Who ran it and when is logged by the central handler.)
      log.warn('corpus reload failed; still serving the previous version', error.message);
      return respond(interaction, renderReloadError(error, localeOf(interaction.locale)));
    }
    if (result === 'busy') return respond(interaction, renderNotice(text.reloadBusy));
    log.info(`corpus reloaded: ${result.oldVersion} -> ${result.newVersion} (+${result.added.length} -${result.removed.length} ~${result.changed.length})`);
    await respond(interaction, renderReloadDiff(result, localeOf(interaction.locale)));
  },
} satisfies Command;
