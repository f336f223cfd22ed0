/**
 * Button ids (`custom_id`, at most 100 characters): what a press asks for, which stored answer
 * it belongs to and which of its passages is shown. Everything else about the answer is in the
 * store under its key, so an id stays short and a button keeps working after a restart.
 *
 * `o1.next.KEY.2` or `o1.next.KEY.2.p`: a version prefix (a later format gets `o2`, and old
 * buttons are recognised as ours but stale), the action, the answer key, the page, and `p` on a
 * private copy (pressed there, the copy changes in place whoever asked).
 */
import { ANSWER_KEY_PATTERN } from '../storage/answer-key.ts';
import { LIMITS } from './limits.ts';

export const BUTTON_ACTIONS = ['next', 'full', 'up', 'down'] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export interface ButtonId {
  action: ButtonAction;
  /** The stored answer's key. */
  key: string;
  /** Which ranked passage the message shows (0 = the best). */
  page: number;
  /** The button sits on a private copy, not on the answer everyone sees. */
  privateCopy: boolean;
}

const PREFIX = 'o1';
/** Pages beyond this are not ours: an answer has a handful of passages. */
const MAX_PAGE = 99;

export function encodeButtonId({ action, key, page, privateCopy }: ButtonId): string {
  if (!ANSWER_KEY_PATTERN.test(key)) throw new Error(`not an answer key: ${key}`);
  const id = [PREFIX, action, key, String(page), ...(privateCopy ? ['p'] : [])].join('.');
  if (id.length > LIMITS.customId) throw new Error(`custom_id too long: ${id}`);
  return id;
}

/**
 * The button an id names; `'stale'` for an id of ours in a format this version no longer reads
 * (a polite note, not an error); null for anything else.
 */
export function decodeButtonId(customId: string): ButtonId | 'stale' | null {
  const parts = customId.split('.');
  if (!/^o\d+$/.test(parts[0] ?? '')) return null;
  if (parts[0] !== PREFIX) return 'stale';
  const [, action, key, page, flag, ...rest] = parts;
  const pageNumber = Number(page);
  if (
    !(BUTTON_ACTIONS as readonly string[]).includes(action ?? '') ||
    !ANSWER_KEY_PATTERN.test(key ?? '') ||
    !/^\d{1,2}$/.test(page ?? '') ||
    pageNumber > MAX_PAGE ||
    (flag !== undefined && flag !== 'p') ||
    rest.length > 0
  )
    return 'stale';
  return { action: action as ButtonAction, key: key!, page: pageNumber, privateCopy: flag === 'p' };
}
