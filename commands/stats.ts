import { MessageFlags } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { MODERATORS_ONLY, refusedUnlessModerator } from '../src/discord/moderator.ts';
import { renderStats } from '../src/discord/render/stats.ts';
import { respond } from '../src/discord/respond.ts';
import {
  dayOf,
  moreThanAWeek,
  questionsPerDay,
  STATS_WINDOWS,
  windowStart,
  windowStats,
} from '../src/insights/stats.ts';
import { DAY_MS } from '../src/storage/guild-store.ts';

/** The longest window, which the store is asked for once. */
const LONGEST = Math.max(...STATS_WINDOWS);

export const stats = {
  data: {
    name: 'stats',
    ...localizedDescription(
      'Moderatorji: vprašanja, odgovori, ocene in navedeni odlomki v zadnjih 7 in 30 dneh.',
      'Moderators: questions, answers, ratings and cited passages over the last 7 and 30 days.',
    ),
    ...MODERATORS_ONLY,
  },
  help: {
    sl: '— moderatorji: statistika zadnjih 7 in 30 dni, z grafom vprašanj na dan.',
    en: '— moderators: statistics of the last 7 and 30 days, with a chart of questions per day.',
  },
  async execute(interaction, { store, live, locale }) {
    if (await refusedUnlessModerator(interaction, locale)) return;
    const guildId = interaction.guildId!;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const today = dayOf(Date.now());
    const since = new Date(windowStart(today, LONGEST) * DAY_MS);
    const [activity, unanswered] = await Promise.all([
      store.guildActivity(guildId, since),
      store.unansweredQuestions(guildId, since),
    ]);
    const windows = STATS_WINDOWS.map((days) => windowStats(activity, unanswered, today, days));
    // The chart's renderer (a native module) loads with the first chart, not with the bot.
    const chart = moreThanAWeek(activity, today)
      ? (await import('../src/insights/chart.ts')).questionsChart(questionsPerDay(activity, today, LONGEST))
      : undefined;
    await respond(
      interaction,
      renderStats(windows, locale, (id) => live.engine.passage(id)?.text, chart),
    );
  },
} satisfies SlashCommand;
