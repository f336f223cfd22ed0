import { InteractionContextType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { discordStrings, localizedDescription } from '../src/discord/strings.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { renderReloadDiff, renderReloadError } from '../src/discord/render/corpus.ts';
import { respond, respondPrivately } from '../src/discord/respond.ts';
import { CorpusError } from '../src/engine/index.ts';
import { log } from '../src/log.ts';

export const reload = {
  data: {
    name: 'reload',
    ...localizedDescription(
      'Moderatorji: znova naloži članke in pokaži spremembe.',
      'Moderators: reload the articles and show what changed.',
    ),
    // Hidden from members without Manage Server; the handler checks again because server
    // admins can override this default per role or channel.
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    contexts: [InteractionContextType.Guild],
  },
  help: {
    sl: '— moderatorji: znova naloži članke in pokaže spremembe.',
    en: '— moderators: reload the articles and show what changed.',
  },
  async execute(interaction, { reloadCorpus, locale }) {
    const strings = discordStrings(locale);
    if (!interaction.inGuild()) return respondPrivately(interaction, renderNotice(strings.reloadGuildOnly));
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
      return respondPrivately(interaction, renderNotice(strings.reloadForbidden));
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let result;
    try {
      result = await reloadCorpus();
    } catch (error) {
      // Anything but a broken corpus is a bug: the central handler logs its stack and says so.
      if (!(error instanceof CorpusError)) throw error;
      // Not a bot failure: the old index keeps serving, the moderator gets the problems to fix.
      // (Who ran it and when is logged by the central handler.)
      log.warn('corpus reload failed; still serving the previous version', error.message);
      return respond(interaction, renderReloadError(error, locale));
    }
    if (result === 'busy') return respondPrivately(interaction, renderNotice(strings.reloadBusy));
    log.info(
      `corpus reloaded: ${result.oldVersion} -> ${result.newVersion} (+${result.added.length} -${result.removed.length} ~${result.changed.length})`,
    );
    await respond(interaction, renderReloadDiff(result, locale));
  },
} satisfies SlashCommand;
