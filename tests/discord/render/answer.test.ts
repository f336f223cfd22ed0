import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/discord/limits.ts';
import { embedLength, messageLength } from '../../../src/discord/render/budget.ts';
import { renderAnswer, renderPassage } from '../../../src/discord/render/answer.ts';
import { citation } from '../../../src/view/citation.ts';
import { answer, passage, ranked, shown } from './passages.ts';

describe('renderAnswer', () => {
  const text = 'Putin je prispel v Pjongjang. Tam je podpisal sporazum.';

  it('cites paragraph, title, date and id in each embed', () => {
    const message = renderAnswer(answer([ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.')]), 'sl');
    expect(message.content).toBeUndefined();
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]!.footer!.text).toBe('¶ 7 · Naslov članka · 2024-06 · clanek#7');
    expect(message.embeds[0]!.description).toContain('__**Putin** je prispel v Pjongjang.__');
  });

  it('shows every passage it is given (callers choose how many), up to the 10 embeds Discord allows', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ranked(text, [], text, { id: `clanek#${i}`, paragraph: i }));
    const five = renderAnswer(answer(many(5)), 'sl');
    expect(five.embeds.map((e) => e.footer!.text.split(' · ').pop())).toEqual([
      'clanek#0',
      'clanek#1',
      'clanek#2',
      'clanek#3',
      'clanek#4',
    ]);
    const twelve = renderAnswer(answer(many(12)), 'sl');
    expect(twelve.embeds).toHaveLength(10);
    expect(messageLength(twelve)).toBeLessThanOrEqual(LIMITS.messageTotal);
  });

  it('says when the article does not answer and offers the closest passages as maybe related', () => {
    const sl = renderAnswer(answer([ranked(text, [], text)], false), 'sl');
    expect(sl.content).toBe('Članek na to vprašanje ne odgovarja. Morda povezano:');
    expect(sl.embeds).toHaveLength(1);
    expect(renderAnswer(answer([ranked(text, [], text)], false), 'en').content).toBe(
      'The article does not answer this question. Maybe related:',
    );
    expect(renderAnswer(answer([], false), 'sl')).toEqual({
      content: 'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem.',
      embeds: [],
    });
  });

  it('keeps three long passages within every embed limit and 6000 per message', () => {
    const long = `${'Dolg stavek z veliko besedami in *zvezdicami* ter _podčrtaji_. '.repeat(120)}Putin je prispel.`;
    const message = renderAnswer(
      answer(
        [0, 1, 2].map((i) =>
          ranked(long, ['Putin', 'zvezdicami'], 'Putin je prispel.', {
            id: `dolg#${i}`,
            heading: 'Poglavje '.repeat(40),
            title: 'Naslov '.repeat(50),
          }),
        ),
      ),
      'sl',
    );
    expect(messageLength(message)).toBeLessThanOrEqual(LIMITS.messageTotal);
    for (const embed of message.embeds) {
      expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(embed.author!.name.length).toBeLessThanOrEqual(LIMITS.embedAuthor);
      expect(embed.footer!.text.length).toBeLessThanOrEqual(LIMITS.embedFooter);
      expect(embed.description).toContain('__**Putin** je prispel.__');
      expect(embedLength(embed)).toBeGreaterThan(1000); // the budget is shared, not starved
      expect(embed.footer!.text).toMatch(/… · 2024-06 · dolg#\d$/); // a long title never hides the id
    }
  });

  it('quotes @everyone and role mentions as text', () => {
    const risky = 'Napisal je @everyone in <@&123456789012345678> ter <@223456789012345678>.';
    const message = renderAnswer(answer([ranked(risky, [], risky)]), 'sl');
    expect(message.embeds[0]!.description).toContain('\\<@&123456789012345678>');
    expect(shown(message.embeds[0]!.description!)).toBe(risky);
  });
});

describe('renderPassage', () => {
  it('renders a whole passage with its citation and heading', () => {
    const p = passage('Putin je prispel. Kim ga je pričakal.', { heading: 'Obisk', url: 'https://example.si/a' });
    const message = renderPassage(p, 'en');
    expect(message.embeds[0]!.description).toBe('Putin je prispel. Kim ga je pričakal.');
    expect(message.embeds[0]!.author!.name).toBe('Obisk');
    expect(message.embeds[0]!.footer!.text).toBe(citation(p, 'en'));
  });
});
