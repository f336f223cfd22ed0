import { describe, expect, it } from 'vitest';
import { ChannelReplies, REMEMBER_REPLY_MS, REMEMBERED_REPLIES } from '../../src/discord/channel-replies.ts';

describe('the replies a question edit or deletion still changes', () => {
  it('are kept for an hour, then an edit leaves the answer as it was', () => {
    let now = 0;
    const replies = new ChannelReplies(() => now);
    replies.remember('q1', { replyId: 'r1', question: 'kdo je Kim?' });
    now += REMEMBER_REPLY_MS - 1;
    expect(replies.replyTo('q1')).toEqual({ replyId: 'r1', question: 'kdo je Kim?', at: 0 });
    now += 1;
    expect(replies.replyTo('q1')).toBeUndefined();
  });

  it('are at most REMEMBERED_REPLIES, the oldest forgotten first', () => {
    const replies = new ChannelReplies(() => 0);
    for (let i = 0; i <= REMEMBERED_REPLIES; i++) replies.remember(`q${i}`, { replyId: `r${i}`, question: 'q' });
    expect(replies.replyTo('q0')).toBeUndefined();
    expect(replies.replyTo('q1')?.replyId).toBe('r1');
    expect(replies.replyTo(`q${REMEMBERED_REPLIES}`)?.replyId).toBe(`r${REMEMBERED_REPLIES}`);
  });
});
