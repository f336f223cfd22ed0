/**
 * A follow-up that points back: "zakaj je to rekel?", "in kje?", "kaj pa drugi?" ask about what
 * was said before them, so a face that knows the earlier question reads them with it.
 */
import { fold } from '../analysis/fold.ts';
import { GOING_ON } from './answer-type.ts';

/**
 * Words (folded) that point back to what was said before: "zakaj je *to* rekel?", "kdaj je *tam*
 * bil?", "kaj je *on* odgovoril?". Demonstratives, personal pronouns and their English kin.
 */
const POINTS_BACK = new Set(
  (
    'to ta tega temu tem tej tisto tistega tam tja tedaj takrat taksen taksna taksno ' +
    'on ona ono oni one njega njemu njem njej njo njim njih nju njiju njima ga mu jo ji jih jim ' +
    'it that this there then he she they him her them his its their'
  ).split(' '),
);

/**
 * `question` points back to the answer it replies to: a word such as "to" or "tam", a start
 * such as "in …", or a question word with "pa" ("kaj pa drugi?": what about the others, in the same matter).
 */
export function pointsBack(question: string): boolean {
  const words = (question.match(/\p{L}+/gu) ?? []).map(fold);
  return (
    words.some((w) => POINTS_BACK.has(w)) || GOING_ON.has(words[0] ?? '') || words[0] === 'and' || words[1] === 'pa'
  );
}
