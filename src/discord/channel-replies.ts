/**
 * The bot's replies to channel questions, by the question's message id, for an hour: a question
 * edited gets its answer edited to match, and a question deleted takes its answer with it, so a
 * channel does not keep an answer to something nobody asks any more. In memory: after a restart,
 * or past the hour, an edit or a deletion leaves the answer as it was.
 */

/** Replies remembered at most; the oldest go first. */
export const REMEMBERED_REPLIES = 2000;
/** How long a question's edits and deletion still change its answer. */
export const REMEMBER_REPLY_MS = 60 * 60 * 1000;

/** The bot's reply to a question, and the question as it answered it. */
export interface AnsweredQuestion {
  replyId: string;
  question: string;
}

export class ChannelReplies {
  private readonly replies = new Map<string, AnsweredQuestion & { at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(questionId: string, answered: AnsweredQuestion): void {
    this.replies.delete(questionId);
    this.replies.set(questionId, { ...answered, at: this.now() });
    if (this.replies.size > REMEMBERED_REPLIES) this.replies.delete(this.replies.keys().next().value!);
  }

  /** The bot's reply to the question with this id, while it is remembered. */
  replyTo(questionId: string): AnsweredQuestion | undefined {
    const entry = this.replies.get(questionId);
    if (!entry) return undefined;
    if (this.now() - entry.at < REMEMBER_REPLY_MS) return entry;
    this.replies.delete(questionId);
    return undefined;
  }

  forget(questionId: string): void {
    this.replies.delete(questionId);
  }
}
