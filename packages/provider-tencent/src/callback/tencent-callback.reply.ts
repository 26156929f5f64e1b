import type { CallbackOutcome, CallbackReply } from '@im-gateway/types';
import { accountsOf } from './tencent-callback.fields.js';
import { snsPrevItems } from './tencent-sns.normalizer.js';

/**
 * Tencent's reply contract (tencent.md §1.4): HTTP 200 with `{ActionStatus, ErrorCode, ErrorInfo}`, all required.
 * After-callbacks ignore the answer; before-callbacks act on it (§1.5).
 */
export const TENCENT_OK_BODY = Object.freeze({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });

/** Any non-zero code is a failure; 1 is the code the after-callback pages document as "callback error". */
const FAILURE_CODE = 1;

export function tencentOk(extra: Record<string, unknown> = {}): CallbackReply {
  return { status: 200, body: { ...TENCENT_OK_BODY, ...extra } };
}

/**
 * Allow as-is. For the send before-callbacks, ErrorCode 0 without `MsgBody`/`CloudCustomData` delivers the
 * message unchanged; for create/apply/invite/topic/official-account ErrorCode 0 lets it proceed (and an invite
 * without `RefusedMembers_Account` refuses no one); for Chatbot.OnC2CSignalMessage there is no `RspData` to
 * forward.
 */
export function tencentAllowReply(): CallbackReply {
  return tencentOk();
}

/**
 * Sns.CallbackPrevFriendAdd / PrevFriendResponse decide per pair through `ResultItem[]`: ResultCode 0 allows
 * that pair (§1.5). Every `To_Account` of the request is answered 0, so the whole request is allowed.
 */
export function tencentSnsPrevAllowReply(body: Record<string, unknown>): CallbackReply {
  const resultItem = accountsOf(snsPrevItems(body), 'To_Account').map((toAccount) => ({
    To_Account: toAccount,
    ResultCode: 0,
    ResultInfo: '',
  }));
  return tencentOk({ ResultItem: resultItem });
}

/**
 * The answer for an outcome.
 * - accepted: the before-callback's allow reply when there is one, else the plain OK (§1.4).
 * - duplicate: the same answer as the first time — the plain OK, or a before-callback's allow reply (the
 *   docs say before-callbacks are not retried, §1.3, but answering a copy with "allow" costs nothing).
 * - rejected: the failure form with `outcome.status`: the request was not trusted, nothing was stored.
 * - unavailable: the failure form with HTTP 503. Tencent counts any status ≠ 200 as a failed callback (§1.3),
 *   and only a failed after-callback can be retried (when the console's retry is on), so a non-200 status is
 *   what gives the event a second chance; a before-callback then follows the console's failure policy
 *   (by default the operation proceeds).
 */
export function tencentCallbackReply(outcome: CallbackOutcome): CallbackReply {
  switch (outcome.kind) {
    case 'accepted':
      return outcome.normalized.reply ?? tencentOk();
    case 'duplicate':
      return outcome.normalized.reply ?? tencentOk();
    case 'rejected':
      return failure(outcome.status, outcome.message);
    case 'unavailable':
      return failure(503, outcome.message);
  }
}

function failure(status: number, message: string): CallbackReply {
  return { status, body: { ActionStatus: 'FAIL', ErrorCode: FAILURE_CODE, ErrorInfo: message } };
}
