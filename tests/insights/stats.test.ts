import { describe, expect, it } from 'vitest';
import { DAY_MS, type GuildActivity, type UnansweredQuestion } from '../../src/storage/guild-store.ts';
import { moreThanAWeek, percent, questionsPerDay, windowStats } from '../../src/insights/stats.ts';

const TODAY = 20_000;

const activity: GuildActivity = {
  questions: [
    { day: TODAY, level: 'clear', passageId: 'a#1', count: 5 },
    { day: TODAY, level: 'closest', passageId: 'a#2', count: 2 },
    { day: TODAY - 1, level: 'none', passageId: 'a#3', count: 3 },
    { day: TODAY - 6, level: 'clear', passageId: 'a#2', count: 4 },
    // Outside the week, inside the month:
    { day: TODAY - 7, level: 'clear', passageId: 'a#3', count: 10 },
    { day: TODAY - 29, level: 'none', passageId: null, count: 1 },
    // Outside both:
    { day: TODAY - 30, level: 'clear', passageId: 'a#1', count: 100 },
  ],
  votes: [
    { day: TODAY, passageId: 'a#1', up: 3, down: 1 },
    { day: TODAY - 6, passageId: 'a#4', up: 0, down: 2 },
    { day: TODAY - 20, passageId: 'a#3', up: 1, down: 0 },
  ],
};

const unanswered = (question: string, day: number): UnansweredQuestion => ({
  question,
  askedAt: new Date(day * DAY_MS + 1000),
  channelId: '1',
  confidence: 0.2,
  passageId: null,
});

const log = [
  unanswered('Koliko stane hotel?', TODAY),
  unanswered('koliko stanejo hoteli', TODAY - 1),
  unanswered('Kakšno bo vreme?', TODAY - 2),
  unanswered('Kakšno bo vreme jutri?', TODAY - 10),
  unanswered('Kakšno vreme bo?', TODAY - 12),
  unanswered('Kakšno vreme?', TODAY - 31),
];

describe('windowStats', () => {
  it('adds up the last 7 days: asked, answered (clear or closest), abstained, votes, cited passages, topics', () => {
    const week = windowStats(activity, log, TODAY, 7);
    expect(week).toMatchObject({ days: 7, asked: 14, answered: 11, clear: 9, abstained: 3, up: 3, down: 3 });
    expect(week.cited).toEqual([
      { passageId: 'a#2', count: 6, up: 0, down: 0 },
      { passageId: 'a#1', count: 5, up: 3, down: 1 },
    ]);
    expect(week.topics.map((t) => [t.question, t.count])).toEqual([
      ['Koliko stane hotel?', 2],
      ['Kakšno bo vreme?', 1],
    ]);
  });

  it('adds up the last 30 days, leaving out what came before', () => {
    const month = windowStats(activity, log, TODAY, 30);
    expect(month).toMatchObject({ asked: 25, answered: 21, clear: 19, abstained: 4, up: 4, down: 3 });
    expect(month.cited.map((c) => [c.passageId, c.count])).toEqual([
      ['a#3', 10],
      ['a#2', 6],
      ['a#1', 5],
    ]);
    expect(month.topics[0]).toMatchObject({ question: 'Kakšno bo vreme?', count: 3 });
  });

  it('is all zeros for a server nobody asked', () => {
    const empty = windowStats({ questions: [], votes: [] }, [], TODAY, 7);
    expect(empty).toMatchObject({ asked: 0, answered: 0, abstained: 0, up: 0, down: 0, cited: [], topics: [] });
    expect(percent(empty.answered, empty.asked)).toBe(0);
  });
});

describe('percent', () => {
  it('rounds to whole percent', () => {
    expect(percent(11, 14)).toBe(79);
    expect(percent(3, 14)).toBe(21);
    expect(percent(1, 3)).toBe(33);
  });
});

describe('questions per day', () => {
  it('has one entry per day of the window, zero on quiet days', () => {
    const days = questionsPerDay(activity, TODAY, 30);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: TODAY - 29, answered: 0, abstained: 1 });
    expect(days[29]).toEqual({ day: TODAY, answered: 7, abstained: 0 });
    expect(days[28]).toEqual({ day: TODAY - 1, answered: 0, abstained: 3 });
    expect(days.filter((d) => d.answered + d.abstained === 0)).toHaveLength(25);
  });

  it('tells whether there is more than a week of data', () => {
    expect(moreThanAWeek(activity, TODAY)).toBe(true);
    expect(moreThanAWeek({ questions: activity.questions.slice(0, 4), votes: [] }, TODAY)).toBe(false);
  });
});
