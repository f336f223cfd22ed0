import { describe, expect, it } from 'vitest';
import { NO_MENTIONS, toPayload } from '../../../src/discord/render/payload.ts';
import { renderNotice } from '../../../src/discord/render/notice.ts';

describe('toPayload', () => {
  it('sends every message with mentions off, and clears old content when there is none', () => {
    const embeds = [{ description: 'x' }];
    expect(toPayload({ embeds })).toEqual({
      content: '',
      embeds,
      components: [],
      allowedMentions: { parse: [], repliedUser: false },
    });
    expect(toPayload(renderNotice('@everyone')).allowedMentions).toEqual(NO_MENTIONS);
  });
});
