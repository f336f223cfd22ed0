import { MessageFlags } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { MODERATORS_ONLY, refusedUnlessModerator } from '../src/discord/moderator.ts';
import { renderUnanswered } from '../src/discord/render/unanswered.ts';
import { respond } from '../src/discord/respond.ts';

export const unanswered = {
  data: {
    name: 'unanswered',
    ...localizedDescription(
      'Moderatorji: vprašanja brez jasnega odgovora, podobna združena, z izvozom.',
      'Moderators: questions without a clear answer, similar ones grouped, with an export.',
    ),
    ...MODERATORS_ONLY,
  },
  help: {
    sl: '— moderatorji: zadnja vprašanja, na katera nisem odgovoril jasno, s štetjem in celotnim dnevnikom (.jsonl).',
    en: '— moderators: the latest questions I did not answer clearly, with counts and the whole log (.jsonl).',
  },
  async execute(interaction, { store, locale }) {
    if (await refusedUnlessModerator(interaction, locale)) return;
    const guildId = interaction.guildId!;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const entries = await store.unansweredQuestions(guildId);
    const day = new Date().toISOString().slice(0, 10);
    await respond(interaction, renderUnanswered(entries, locale, `unanswered-${guildId}-${day}.jsonl`));
  },
} satisfies SlashCommand;
