/**
 * `npm run phone-check`: how tall a sample set of answers is on a 400 px phone screen, drawn the
 * way Discord draws them (see tools/phone-check/discord-html.ts), with the answer renderer of an
 * older commit (default: the last one before the lead-answer layout) and with the current one.
 * Not part of `npm test`: it needs Debian's chromium (`apt-get install -y chromium`).
 *
 *   npm run phone-check [-- --old <commit>] [--json]
 *
 * Prints one line per question (old and new height in px) and the totals, and leaves a
 * screenshot of each set in .cache/phone-check/ (old.png, new.png) to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { Engine, type Answer } from '../src/engine/index.ts';
import { renderAnswer } from '../src/discord/render/answer.ts';
import type { BotMessage } from '../src/discord/render/payload.ts';
import { ANSWER_PASSAGES } from '../src/discord/answer-post.ts';
import { DEFAULT_CORPUS_DIR, REPO_ROOT } from '../src/paths.ts';
import { messageHtml, pageHtml } from './phone-check/discord-html.ts';
import { runScript } from '../src/run-script.ts';

/** The renderer before issue 9: three equal cards per answer. */
const DEFAULT_OLD_COMMIT = 'b615ba4';
const PHONE_WIDTH = 400;
/** Debian's chromium, which playwright-core drives (it brings no browser of its own). */
const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(REPO_ROOT, '.cache/phone-check');

/** Questions of the shipped article's kinds: plain, paraphrase, no diacritics, English, unanswerable. */
const QUESTIONS = [
  'Kdo je podpisal sporazum o strateškem partnerstvu?',
  'Kaj predvideva sporazum v primeru napada na eno od držav?',
  'Katera francoska agencija je poročala o sporazumu?',
  'Kdaj je Rusija vložila veto?',
  'Kaj je Putin rekel o sankcijah?',
  'kaj je rekel kim o multipolarnem svetu',
  'Who signed the treaty?',
  'Koliko stane hotel v Pjongjangu?',
];

type Render = (answer: Answer) => BotMessage;

async function oldRenderer(commit: string): Promise<Render> {
  // The old src/ tree beside this one, so its modules import each other as they did then.
  const dir = path.join(OUT, `old-${commit}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', commit, 'src', 'commands'], { cwd: REPO_ROOT });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const module = (await import(pathToFileURL(path.join(dir, 'src/discord/render/answer.ts')).href)) as {
    renderAnswer: (answer: Answer, locale: 'sl') => BotMessage;
  };
  return (answer) => module.renderAnswer({ ...answer, passages: answer.passages.slice(0, 3) }, 'sl');
}

const newRenderer: Render = (answer) =>
  renderAnswer(answer, 'sl', { buttons: { key: 'phonecheck01', privateCopy: false } });

async function heights(page: import('playwright-core').Page, messages: BotMessage[], shot: string): Promise<number[]> {
  await page.setContent(
    pageHtml(
      messages.map((m, i) => messageHtml(m, `m${i}`)),
      PHONE_WIDTH,
    ),
  );
  await page.screenshot({ path: shot, fullPage: true });
  const out: number[] = [];
  for (let i = 0; i < messages.length; i++) out.push(Math.round((await page.locator(`#m${i}`).boundingBox())!.height));
  return out;
}

async function main(): Promise<number> {
  // Before any work: without the browser nothing can be measured.
  if (!existsSync(CHROMIUM)) {
    console.error(`phone-check: needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return 1;
  }
  const args = process.argv.slice(2);
  const commit = args.includes('--old') ? args[args.indexOf('--old') + 1]! : DEFAULT_OLD_COMMIT;
  mkdirSync(OUT, { recursive: true });
  const engine = await Engine.fromDirectory(DEFAULT_CORPUS_DIR);
  const answers = QUESTIONS.map((q) => engine.ask(q, { limit: ANSWER_PASSAGES }));
  const old = await oldRenderer(commit);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 800 } });
    const before = await heights(page, answers.map(old), path.join(OUT, 'old.png'));
    const after = await heights(page, answers.map(newRenderer), path.join(OUT, 'new.png'));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const rows = QUESTIONS.map((question, i) => ({ question, old: before[i]!, new: after[i]! }));
    const total = { old: sum(before), new: sum(after), ratio: Number((sum(after) / sum(before)).toFixed(3)) };
    writeFileSync(path.join(OUT, 'heights.json'), JSON.stringify({ width: PHONE_WIDTH, commit, rows, total }, null, 2));
    if (args.includes('--json')) {
      console.log(JSON.stringify({ width: PHONE_WIDTH, commit, rows, total }));
      return 0;
    }
    console.log(`Answer heights at ${PHONE_WIDTH} px (old renderer: ${commit}; new: this tree)`);
    for (const r of rows) console.log(`${String(r.old).padStart(6)} → ${String(r.new).padStart(5)} px  ${r.question}`);
    console.log(
      `${String(total.old).padStart(6)} → ${String(total.new).padStart(5)} px  total (new/old = ${total.ratio})`,
    );
    console.log(`Screenshots: ${path.relative(process.cwd(), OUT)}/old.png, new.png`);
    return 0;
  } finally {
    await browser.close();
  }
}

runScript('phone-check', main);
