import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { discordStrings, localizedDescription } from '../src/discord/strings.ts';
import { MODERATORS_ONLY, refusedUnlessModerator } from '../src/discord/moderator.ts';
import { moderatorStrings } from '../src/discord/moderator-strings.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { renderReloadDiff, renderReloadError } from '../src/discord/render/corpus.ts';
import { addCheckReport } from '../src/discord/render/checks.ts';
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
    ...MODERATORS_ONLY,
    options: [
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'dry_run',
        ...localizedDescription(
          'Le preveri: zgradi novo kazalo in pokaži razlike, brez zamenjave',
          'Only check: build the new index and show the differences, without swapping',
        ),
        required: false,
      },
    ],
  },
  help: {
    sl: '— moderatorji: znova naloži članke in pokaže spremembe ter vprašanja za preverjanje; `dry_run: True` le preveri, brez zamenjave.',
    en: '— moderators: reload the articles and show what changed and the check questions; `dry_run: True` only checks, without swapping.',
  },
  async execute(interaction, { reloadCorpus, previewCorpus, locale }) {
    const strings = discordStrings(locale);
    const texts = { guildOnly: strings.reloadGuildOnly, forbidden: strings.reloadForbidden };
    if (await refusedUnlessModerator(interaction, locale, texts)) return;
    const dryRun = interaction.options.getBoolean('dry_run') ?? false;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let result;
    try {
      result = await (dryRun ? previewCorpus() : reloadCorpus());
    } catch (error) {
      // Anything but a broken corpus is a bug: the central handler logs its stack and says so.
      if (!(error instanceof CorpusError)) throw error;
      // Not a bot failure: the old index keeps serving, the moderator gets the problems to fix.
      // (The command, the server and when are logged by the central handler.)
      log.warn(`corpus ${dryRun ? 'dry run' : 'reload'} failed, still serving the previous version: ${error.message}`);
      return respond(interaction, renderReloadError(error, locale));
    }
    if (result === 'busy') return respondPrivately(interaction, renderNotice(strings.reloadBusy));
    log.info(
      `corpus ${dryRun ? 'dry run' : 'reloaded'}: ${result.oldVersion} -> ${result.newVersion} (+${result.added.length} -${result.removed.length} ~${result.changed.length})`,
    );
    const message = renderReloadDiff(result, locale);
    const embed = message.embeds[0]!;
    if (dryRun) embed.title = moderatorStrings(locale).dryRunTitle;
    if (result.checks) addCheckReport(embed, result.checks, locale);
    await respond(interaction, message);
  },
} satisfies SlashCommand;
