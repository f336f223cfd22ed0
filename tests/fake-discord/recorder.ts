/**
 * Records every REST request the bot makes and lets tests wait for one. Kept apart from the router
 * so the recording format (what tests assert on) is documented in one place.
 */
import { EventEmitter } from 'node:events';

/** One uploaded file of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
  /** The file's bytes, so a test can read back what the bot attached. */
  data: Buffer;
}

/** A REST request as the fake saw it, with the fake's answer. */
export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  /** When it arrived (`Date.now()`), before the fake parsed or validated it. */
  at: number;
  method: string;
  /** Path below `/api/v10`, percent-decoded per segment (`/webhooks/1/tok/messages/@original`). */
  path: string;
  /** Path as received, still encoded (`…/messages/%40original`). */
  rawPath: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body (multipart: the parsed `payload_json`); `undefined` without a body. */
  body: unknown;
  rawBody: string;
  files: RecordedFile[];
  /** Spec operation (e.g. `create_interaction_response`), if the route exists in Discord's API. */
  operationId: string | undefined;
  /** Spec path template, e.g. `/interactions/{interaction_id}/{interaction_token}/callback`. */
  route: string | undefined;
  /** Problems found by `validateRequest` (schema + limits + allowed_mentions policy). */
  validationErrors: string[];
  /** Status the fake answered with; 0 for a request `hangNext` left unanswered. */
  status: number;
  /** Body the fake answered with (`undefined` for 204). */
  response: unknown;
  /** Set when `failNext` forced this answer (or `hangNext` withheld it). */
  injected: boolean;
  /** True when no fake route handled it (answered with a 404): something the bot should not call. */
  unexpected: boolean;
}

export type RequestPredicate = (r: RecordedRequest) => boolean;

export class RequestRecorder extends EventEmitter {
  readonly requests: RecordedRequest[] = [];

  constructor() {
    super();
    // A test may wait for many requests at once (a burst of answers): not a leak.
    this.setMaxListeners(0);
  }

  add(r: RecordedRequest): void {
    this.requests.push(r);
    this.emit('request', r);
  }

  /**
   * Resolves with the first request (already recorded or future) matching `predicate`, once the fake
   * has answered it. Rejects after `timeoutMs` with a list of what did arrive, to make failures
   * readable.
   */
  waitFor(predicate: RequestPredicate, timeoutMs = 5000, after = 0): Promise<RecordedRequest> {
    const existing = this.requests.find((r) => r.seq > after && predicate(r));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const onRequest = (r: RecordedRequest) => {
        if (r.seq > after && predicate(r)) {
          clearTimeout(timer);
          this.off('request', onRequest);
          resolve(r);
        }
      };
      const timer = setTimeout(() => {
        this.off('request', onRequest);
        const seen = this.requests.filter((r) => r.seq > after).map((r) => `  ${r.method} ${r.path} → ${r.status}`);
        reject(
          new Error(
            `fake-discord: no matching request within ${timeoutMs} ms. Requests seen:\n${seen.join('\n') || '  (none)'}`,
          ),
        );
      }, timeoutMs);
      this.on('request', onRequest);
    });
  }
}
