import { decodeButtonId } from '../../../src/discord/custom-id.ts';
import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import { LIMITS } from '../../../src/discord/limits.ts';
import { messageLength } from '../../../src/discord/render/budget.ts';
import { renderAnswer, renderPassage, renderPassages } from '../../../src/discord/render/answer.ts';
import { COLORS } from '../../../src/discord/render/colors.ts';
import { LEAD_QUOTE_CHARS } from '../../../src/view/lead-answer.ts';
import { answer, passage, ranked, shown } from './passages.ts';

const text = 'Putin je prispel v Pjongjang. Tam je podpisal sporazum.';
const buttons = { key: 'abcDEF123_-x', privateCopy: false };

/** The buttons of a rendered answer. */
function buttonsOf(message: ReturnType<typeof renderAnswer>): APIButtonComponent[] {
  return (message.components ?? []).flatMap((row) => row.components as APIButtonComponent[]);
}

describe('renderAnswer: one lead answer', () => {
  it('titles the embed with the question and names the article once, after the short citation', () => {
    const message = renderAnswer(
      { ...answer([ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.')]), question: 'Kdo je *prispel*?' },
      'sl',
    );
    expect(message.content).toBeUndefined();
    expect(message.embeds).toHaveLength(1);
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('Kdo je \\*prispel\\*?');
    expect(embed.author).toBeUndefined();
    expect(embed.footer!.text).toBe('¶ 7 · clanek#7 · Naslov članka · 2024-06');
    expect(embed.description).toContain('__**Putin** je prispel v Pjongjang.__');
    expect(embed.color).toBe(COLORS.answer);
    expect(embed.url).toBeUndefined();
  });

  it('leaves mentions, custom emoji and links out of the title, which no client would render there', () => {
    const question =
      '<@123456789012345678> kdo je <#234567890123456789> *prispel*? <:hm:345678901234567890> https://x.si/a_b';
    const embed = renderAnswer(
      { ...answer([ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.')]), question },
      'sl',
    ).embeds[0]!;
    expect(embed.title).toBe('kdo je \\*prispel\\*?');
  });

  it('links to the article when it has an address, and names the other passages in one line', () => {
    const others = [2, 5].map((n) => ranked(text, [], text, { id: `clanek#${n}`, paragraph: n }));
    const lead = ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.', { url: 'https://example.si/clanek' });
    const message = renderAnswer(answer([lead, ...others]), 'sl');
    const embed = message.embeds[0]!;
    expect(embed.url).toBe('https://example.si/clanek');
    expect(embed.description!.split('\n').pop()).toBe('Tudi: ¶ 2 · ¶ 5');
    expect(embed.footer!.text).toBe('¶ 7 · clanek#7 · 1/3 · Naslov članka · 2024-06');
    expect(renderAnswer(answer([lead, ...others]), 'sl', { page: 2 }).embeds[0]!.footer!.text).toBe(
      '¶ 5 · clanek#5 · 3/3 · Naslov članka · 2024-06',
    );
  });

  it('names a passage of another article by its id, where "¶ 3" would read as the lead article\'s', () => {
    const lead = ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.');
    const same = ranked(text, [], text, { id: 'clanek#2', paragraph: 2 });
    const elsewhere = ranked(text, [], text, { id: 'vrh#3', doc: 'vrh', paragraph: 3 });
    const embed = renderAnswer(answer([lead, elsewhere, same]), 'sl').embeds[0]!;
    expect(embed.description!.split('\n').pop()).toBe('Tudi: vrh#3 · ¶ 2');
  });

  it("colours only the best passage by the answer's level: paged to another, it is grey", () => {
    const passages = [7, 2].map((n) => ranked(text, ['Putin'], text, { id: `clanek#${n}`, paragraph: n }));
    expect(renderAnswer(answer(passages), 'sl').embeds[0]!.color).toBe(COLORS.answer);
    expect(renderAnswer(answer(passages), 'sl', { page: 1 }).embeds[0]!.color).toBe(COLORS.related);
  });

  it("does not name the lead's own paragraph among the others (another part of it)", () => {
    const part = (n: number) => ranked(text, ['Putin'], text, { id: `clanek#9.${n}`, paragraph: 9, part: n });
    const other = ranked(text, [], text, { id: 'clanek#4', paragraph: 4 });
    const embed = renderAnswer(answer([part(2), part(1), other]), 'sl').embeds[0]!;
    expect(embed.description!.split('\n').pop()).toBe('Tudi: ¶ 4');
  });

  it('pages a "not said" answer past the related passages it shows, and offers no vote on them', () => {
    const passages = [2, 1, 5, 8].map((n) => ranked(text, [], text, { id: `clanek#${n}`, paragraph: n }));
    const rowOf = (page: number) => buttonsOf(renderAnswer(answer(passages, false), 'sl', { page, buttons }));
    const labels = (row: APIButtonComponent[]) =>
      row.map((b) => ('label' in b && b.label) || ('emoji' in b && b.emoji?.name));
    const first = rowOf(0);
    // Two related passages are shown at once: "next" goes on with the third (page 2).
    expect(decodeButtonId((first[0] as { custom_id: string }).custom_id)).toMatchObject({ action: 'next', page: 2 });
    expect(labels(first)).toEqual(['Naslednji odlomek', 'Cel odstavek']);
    // Its footer counts the two shown, so that the next page's "3/4" follows.
    expect(renderAnswer(answer(passages, false), 'sl').embeds[0]!.footer!.text).toMatch(/^1–2\/4 · /);
    // Paged on, its passages are still only related: no vote there either.
    expect(labels(rowOf(2))).toEqual(['Naslednji odlomek', 'Cel odstavek']);
    expect(labels(buttonsOf(renderAnswer(answer(passages), 'sl', { page: 2, buttons })))).toEqual([
      'Naslednji odlomek',
      'Cel odstavek',
      '👍',
      '👎',
    ]);
    // On the last page the button goes back to the first, and says so.
    const last = rowOf(3);
    expect(labels(last)[0]).toBe('Spet prvi odlomek');
    expect(decodeButtonId((last[0] as { custom_id: string }).custom_id)).toMatchObject({ action: 'next', page: 0 });
  });

  it('shows the matched words of a best sentence too long to quote whole, cut from shortly before them', () => {
    const clauses = Array.from({ length: 20 }, (_, i) => `po besedah ${i + 1}. vira`).join(', ');
    const sentence = `Minister je v izjavi, ki jo je ${clauses}, povedal, da je nadomestilo znašalo 42 evrov.`;
    expect(sentence.length).toBeGreaterThan(LEAD_QUOTE_CHARS);
    const description = renderAnswer(answer([ranked(sentence, ['nadomestilo', 'znašalo'], sentence)]), 'sl').embeds[0]!
      .description!;
    expect(description).toContain('**nadomestilo** **znašalo** 42 evrov.');
    expect(description).toMatch(/^… po besedah/);
  });

  it('quotes whole sentences around the best one, at most LEAD_QUOTE_CHARS, with … where it is cut', () => {
    const sentence = (i: number) => `To je ${i}. stavek tega dolgega odstavka, ki govori o marsičem drugem.`;
    const long = [...Array.from({ length: 12 }, (_, i) => sentence(i)), 'Putin je prispel.', sentence(99)].join(' ');
    const embed = renderAnswer(answer([ranked(long, ['Putin'], 'Putin je prispel.')]), 'sl').embeds[0]!;
    const quote = shown(embed.description!);
    expect(quote.length).toBeLessThanOrEqual(LEAD_QUOTE_CHARS + 4);
    expect(quote.startsWith('… To je')).toBe(true);
    expect(quote.endsWith('drugem.')).toBe(true);
    expect(embed.description).toContain('__**Putin** je prispel.__');
  });

  it('frames the middle level as the closest the article comes, without the underline', () => {
    const middle = { ...answer([ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.')]), confidence: 0.5 };
    const embed = renderAnswer(middle, 'sl').embeds[0]!;
    expect(embed.description!.split('\n')[0]).toBe('*Najbližje, kar članek pove o tem:*');
    expect(embed.description).toContain('**Putin**');
    expect(embed.description).not.toContain('__');
    expect(embed.color).toBe(COLORS.closest);
  });

  it('says when the article does not say, showing at most two related passages plainly', () => {
    const related = [1, 2, 3].map((n) => ranked(text, ['Putin'], text, { id: `clanek#${n}`, paragraph: n }));
    const embed = renderAnswer(answer(related, false), 'sl').embeds[0]!;
    expect(embed.description!.split('\n')[0]).toBe('*Članek tega ne pove. Morda povezano:*');
    expect(embed.description).not.toMatch(/\*\*|__/);
    expect(embed.description).toContain('¶ 1 · clanek#1');
    expect(embed.description).toContain('¶ 2 · clanek#2');
    expect(embed.description).not.toContain('clanek#3');
    expect(embed.color).toBe(COLORS.related);
    // From one article, the footer names it; from two, it names neither (each citation names its own).
    expect(embed.footer?.text).toContain('Naslov članka');
    const mixed = [
      ranked(text, ['Putin'], text, { id: 'clanek#1', paragraph: 1 }),
      ranked(text, ['Putin'], text, { id: 'drugi#4', paragraph: 4, doc: 'drugi', title: 'Drugi članek' }),
    ];
    const footer = renderAnswer(answer(mixed, false), 'sl').embeds[0]!.footer?.text ?? '';
    expect(footer).not.toContain('Naslov članka');
    expect(footer).not.toContain('Drugi članek');
    expect(renderAnswer(answer([], false), 'en')).toEqual({
      content: 'Nothing in the article relates to this question. Try other words, or see /help.',
      embeds: [],
    });
    // With the id of /help known, it is a link that runs it.
    expect(renderAnswer(answer([], false), 'sl', { helpCommandId: '42' }).content).toBe(
      'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem. Poskusi z drugimi besedami ali poglej </help:42>.',
    );
    // Small talk is told what the bot is for, which is what to try.
    expect(renderAnswer({ ...answer([], false), question: 'pomoč', smallTalk: 'help' }, 'en').content).toBe(
      'I answer questions about the article: ask what you want to know (who, what, when, where …). /help describes every command.',
    );
    expect(renderAnswer({ ...answer([], false), question: 'hvala!', smallTalk: 'chat' }, 'en')).toEqual({
      content: 'I answer questions about the article: ask what you want to know (who, what, when, where …).',
      embeds: [],
    });
  });

  it('stays within every limit for long questions, titles and passages', () => {
    const long = `${'Dolg stavek z veliko besedami in *zvezdicami* ter _podčrtaji_. '.repeat(120)}Putin je prispel.`;
    const message = renderAnswer(
      {
        ...answer(
          [0, 1, 2].map((i) =>
            ranked(long, ['Putin', 'zvezdicami'], 'Putin je prispel.', {
              id: `dolg#${i}`,
              title: 'Naslov '.repeat(50),
            }),
          ),
        ),
        question: '*Kdo* '.repeat(200),
      },
      'sl',
      { buttons },
    );
    expect(messageLength(message)).toBeLessThanOrEqual(LIMITS.messageTotal);
    const embed = message.embeds[0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.footer!.text.length).toBeLessThanOrEqual(LIMITS.embedFooter);
    // A long message's question, at its end, stays in the title.
    const preamble =
      'Zanima me, ker pišem seminarsko nalogo o odnosih med državama in sem prebral veliko člankov, '.repeat(4);
    const titled = renderAnswer(
      {
        ...answer([ranked('Putin je prispel.', ['Putin'], 'Putin je prispel.')]),
        question: `${preamble}kdaj je Rusija vložila veto?`,
      },
      'sl',
    );
    expect(titled.embeds[0]!.title).toMatch(/^Zanima me, ker pišem .* … .*kdaj je Rusija vložila veto\?$/);
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.description).toContain('__**Putin** je prispel.__');
  });

  it('quotes @everyone and role mentions as text', () => {
    const risky = 'Napisal je @everyone in <@&123456789012345678> ter <@223456789012345678>.';
    const message = renderAnswer(answer([ranked(risky, [], risky)]), 'sl');
    expect(message.embeds[0]!.description).toContain('\\<@&123456789012345678>');
    expect(shown(message.embeds[0]!.description!)).toBe(risky);
  });

  it('never puts a mark inside a web address, even when its words matched', () => {
    const withLink = 'Več na https://example.si/putin_kim/sporazum in drugje.';
    const message = renderAnswer(answer([ranked(withLink, ['putin', 'sporazum', 'Več'], withLink)]), 'sl');
    const description = message.embeds[0]!.description!;
    expect(description).toContain(' https://example.si/putin_kim/sporazum ');
    expect(description).toContain('**Več**');
  });
});

describe('renderAnswer: buttons', () => {
  const three = [1, 2, 3].map((n) => ranked(text, [], text, { id: `clanek#${n}`, paragraph: n }));

  it('puts next passage, full paragraph, source and the two votes under the answer', () => {
    const withUrl = three.map((r) => ({ ...r, passage: { ...r.passage, url: 'https://example.si/a' } }));
    const row = buttonsOf(renderAnswer(answer(withUrl), 'en', { buttons }));
    expect(row.map((b) => ('label' in b && b.label) || ('emoji' in b && b.emoji?.name))).toEqual([
      'Next passage',
      'Full paragraph',
      'Source',
      '👍',
      '👎',
    ]);
    const link = row[2]!;
    expect(link.style).toBe(ButtonStyle.Link);
    expect('url' in link && link.url).toBe('https://example.si/a');
    for (const b of row) {
      expect(b.type).toBe(ComponentType.Button);
      if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  });

  it('has no source button without an address, and a disabled next button with one passage', () => {
    const row = buttonsOf(renderAnswer(answer(three.slice(0, 1)), 'sl', { buttons }));
    expect(row).toHaveLength(4);
    expect(row[0]!.disabled).toBe(true);
    expect(buttonsOf(renderAnswer(answer(three), 'sl'))).toEqual([]);
  });
});

describe('renderPassage', () => {
  it('renders a whole passage with its heading, article and short citation', () => {
    const p = passage('Putin je prispel. Kim ga je pričakal.', { heading: 'Obisk', url: 'https://example.si/a' });
    const embed = renderPassage(p, 'en').embeds[0]!;
    expect(embed.description).toBe('Putin je prispel. Kim ga je pričakal.');
    expect(embed.title).toBe('Obisk');
    expect(embed.footer!.text).toBe('¶ 7 · clanek#7 · Naslov članka · 2024-06');
    expect(embed.url).toBe('https://example.si/a');
  });

  it('joins the parts of a split paragraph', () => {
    const parts = [1, 2].map((part) => passage(`Del ${part}.`, { id: `clanek#7.${part}`, part }));
    const embed = renderPassages(parts, 'sl').embeds[0]!;
    expect(embed.description).toBe('Del 1. Del 2.');
    expect(embed.footer!.text).toBe('¶ 7 · clanek#7.1 · ¶ 7 · clanek#7.2 · Naslov članka · 2024-06');
  });
});
