/**
 * What Discord draws from our Markdown: every quote of a sample set of answers is parsed with
 * Discord's Markdown rules (the simple-markdown rules of `discord-markdown-parser`, "extended" as
 * in embeds) and its visible text must be the verbatim passage slice. Marks and escapes may
 * change the characters sent, never what a reader sees; a web address must stay one link that
 * points where the article says.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'discord-markdown-parser';
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../src/discord/render/answer.ts';
import { Engine, loadCorpus, type CorpusDocument } from '../../../src/engine/index.ts';
import { leadAnswerView } from '../../../src/view/lead-answer.ts';
import { CORPUS, DEV_SET } from '../../helpers.ts';

type Node = { type: string; content?: unknown; target?: string };

/** The text a reader sees for parsed nodes; a user or role pill, a timestamp or an emoji shows as ⟨type⟩. */
function visible(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'inlineCode') return String(node.content);
      if (node.type === 'br') return '\n';
      // Shown as written (highlighted, but allowed_mentions keeps it from pinging anyone).
      if (node.type === 'everyone' || node.type === 'here') return `@${node.type}`;
      if (Array.isArray(node.content)) return visible(node.content as Node[]);
      return `⟨${node.type}⟩`;
    })
    .join('');
}

/** Every `url` node, with the address it links to and the text it shows. */
function links(nodes: Node[]): { target: string; shown: string }[] {
  return nodes.flatMap((node) => [
    ...(node.type === 'url' ? [{ target: String(node.target), shown: visible(node.content as Node[]) }] : []),
    ...(Array.isArray(node.content) ? links(node.content as Node[]) : []),
  ]);
}

/** Passages written to trip Markdown up: addresses with `_`, emphasis characters, mentions, spoilers, code. */
const TRICKY = [
  'Sporazum je objavljen na https://example.si/putin_kim/sporazum_2024 in na http://kremlin.ru/events/president/news/74286.',
  'Putin je rekel: *sankcije* so __nezakonite__, ~~ne~~ in ||skrivnost|| ter `koda` ali ****poudarek**** za sporazum.',
  '<@123456789012345678> in <@&223456789012345678> in @everyone sta o sporazumu pisala <t:1718841600:f> z <:putin:123456789012345678>.',
  '# To ni naslov sporazuma\n> To ni citat o sporazumu\n- To ni seznam\n1. Niti to ni sporazum.',
  'Povezava [sporazum](https://example.si/a) in <https://example.si/b> ter (https://example.si/c) o sporazumu, Kim.',
  'Kim je dejal (glej https://example.si/kim_jong-un), da sporazum_a in sporazum__b velja.',
].join('\n\n');

async function sampleEngine(): Promise<Engine> {
  const shipped = await loadCorpus(CORPUS);
  const tricky: CorpusDocument = {
    slug: 'zanke',
    title: 'Zanke *za* _Markdown_',
    date: '2024-06',
    lang: 'sl',
    url: 'https://example.si/zanke',
    text: TRICKY,
    bodyStart: 0,
    source: 'zanke.md',
  };
  return Engine.fromDocuments([...shipped.documents, tricky], { synonyms: shipped.synonyms });
}

async function sampleQuestions(): Promise<string[]> {
  const dev = (await readFile(DEV_SET, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question);
  return [
    ...dev.slice(0, 40),
    'Kje je objavljen sporazum putin_kim?',
    'Kaj je Putin rekel o sankcijah in sporazumu?',
    'Kdo je pisal o sporazumu?',
    'Ali je to naslov sporazuma?',
    'Kaj je povezava do sporazuma?',
    'Kaj je dejal Kim Jong-un o sporazumu?',
    'Koliko stane hotel v Pjongjangu?',
  ];
}

describe('quotes as Discord draws them', () => {
  it('show exactly the verbatim passage text, and every web address links where the article says', async () => {
    const engine = await sampleEngine();
    let quotes = 0;
    let addresses = 0;
    for (const question of await sampleQuestions()) {
      const answer = engine.ask(question, { limit: 5 });
      for (let page = 0; page < answer.passages.length; page++) {
        const view = leadAnswerView(answer, 'sl', page);
        const description = renderAnswer(answer, 'sl', { page }).embeds[0]!.description!;
        const blocks = description.split('\n\n');
        const shown = [...(view.lead ? [view.lead] : []), ...view.related];
        // After the framing line (middle level and "not said"), one block per quote.
        const quoteBlocks = blocks.slice(view.notice ? 1 : 0, (view.notice ? 1 : 0) + shown.length);
        shown.forEach((quote, i) => {
          // A related passage's citation, or the line naming the other passages, follows on its own line.
          const markdown = quoteBlocks[i]!.replace(view.related.length > 0 ? /\n[^\n]*$/ : /\nTudi: [^\n]*$/, '');
          const nodes = parse(markdown, 'extended') as Node[];
          const seen = visible(nodes).replace(/^… /, '').replace(/ …$/, '');
          const text = quote.passage.text;
          expect(seen, `${question} → ${quote.passage.id}:\n${markdown}`).toBe(
            text.slice(quote.window.start, quote.window.start + seen.length),
          );
          expect(seen.length).toBeGreaterThan(0);
          for (const link of links(nodes)) {
            expect(link.target).toBe(link.shown);
            expect(text).toContain(link.target);
            addresses++;
          }
          quotes++;
        });
      }
    }
    // The sample really covered the tricky cases.
    expect(quotes).toBeGreaterThan(100);
    expect(addresses).toBeGreaterThan(3);
  });
});
