import type { CallbackOutcome, CallbackReply } from '@im-gateway/types';

/** The vendor caps the reply body at 1,000 characters (seed 000; easemob.md §4.2/§4.3). */
const MAX_MESSAGE_CHARS = 300;

/**
 * The pre-send "allow" answer: HTTP 200 `{"valid": true}` with no `payload`, so the message is delivered
 * unchanged (easemob.md §4.2; the shape of vendor example presend_response.json without its optional
 * fields).
 */
export const EASEMOB_PRESEND_REPLY: CallbackReply = Object.freeze({
  status: 200,
  body: Object.freeze({ valid: true }),
});

function shorten(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message;
}

/**
 * The HTTP answer for an outcome. Easemob only looks at the status (200 = delivered; anything else is
 * retried once at once), so a failure we may recover from answers 503 to let that retry succeed.
 */
export function easemobCallbackReply(outcome: CallbackOutcome): CallbackReply {
  switch (outcome.kind) {
    case 'accepted':
      return outcome.normalized.reply ?? { status: 200, body: { ok: true } };
    case 'duplicate':
      // A retried pre-send callback must be allowed again, not merely acknowledged.
      return outcome.normalized.reply ?? { status: 200, body: { ok: true, duplicate: true } };
    case 'rejected':
      return {
        status: outcome.status,
        body: { error: { code: outcome.code, message: shorten(outcome.message) } },
      };
    case 'unavailable':
      return {
        status: 503,
        body: { error: { code: 'dependency_unavailable', message: shorten(outcome.message) } },
      };
  }
}
