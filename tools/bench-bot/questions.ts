/**
 * The questions of a burst, in two mixes. `repeated`: the 44 dev questions over and over, as a
 * burst of real people repeats the popular questions word for word (the engine answers those from
 * memory). `distinct`: no question twice in a burst of up to about 1 000, each of the dev and
 * extra questions asked in several wordings (a greeting or a thank-you around it, lower case), so
 * every answer is worked out.
 */
import { readDevSet } from '../eval/dev-set.ts';
import { DEV_SET } from '../../tests/helpers.ts';
import { EXTRA_QUESTIONS } from '../paths.ts';

export type QuestionMix = 'repeated' | 'distinct';

const PREFIXES = ['', 'Zanima me, ', 'Živjo! ', 'Vprašanje: '];
const SUFFIXES = ['', ' Hvala.', ' Lep pozdrav'];

/** The questions of `mix`, in the order a burst takes them (cycling when the burst is longer). */
export async function questionsFor(mix: QuestionMix): Promise<string[]> {
  const dev = (await readDevSet(DEV_SET)).map((q) => q.question);
  if (mix === 'repeated') return dev;
  const all = [...dev, ...(await readDevSet(EXTRA_QUESTIONS)).map((q) => q.question)];
  const worded: string[] = [];
  for (const lower of [false, true])
    for (const suffix of SUFFIXES)
      for (const prefix of PREFIXES)
        for (const question of all) {
          const text = `${prefix}${lower ? question.toLowerCase() : question}${suffix}`;
          worded.push(text);
        }
  return [...new Set(worded)];
}
