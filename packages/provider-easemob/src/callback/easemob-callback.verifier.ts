import { easemobCallbackSignature, timingSafeEqualString } from '@im-gateway/signing';
import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import { CallbackRejectedError, type CallbackContext, type CallbackRequest } from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';

/**
 * How far a signed callback's `timestamp` may be from our clock, either way, unless the operator sets
 * another window (`context.callbackWindowSeconds`). The timestamp is when Easemob's server received the
 * message (seed 000), and Easemob retries a failed callback once, at once (easemob.md §6), so a genuine
 * callback arrives seconds after it; ten minutes leaves room for delivery delays and clock drift while a
 * captured callback stops working soon after.
 */
export const EASEMOB_CALLBACK_SKEW_SECONDS = 600;

/**
 * Checks that a callback is Easemob's and for this app; throws `CallbackRejectedError` otherwise.
 *
 * - the body must be a JSON object (`callback_malformed`);
 * - `appkey`, when present, must be `orgName#appName` (`callback_app_mismatch`);
 * - `security` must equal MD5(callId + callbackSecret + timestamp), lower-case hex (seed 000 common
 *   fields; easemob.md §4.5), compared in constant time (`callback_signature_invalid`);
 * - a signed callback must carry a `callId` (`callback_signature_invalid`): the signature covers nothing
 *   else of the content, and callbacks are deduplicated by it, so without one a single captured callback
 *   would sign any body;
 * - its `timestamp` (Unix ms) must be within the window of `context.now`
 *   (`EASEMOB_CALLBACK_SKEW_SECONDS` unless the context sets one; `callback_request_expired`);
 * - no `security` at all is `callback_signature_missing`, unless the app set `allowUnsignedCallbacks`
 *   (some vendor examples — reaction, thread, offline push — print none);
 * - a signed callback for an app without `callbackSecret` is refused: nothing to check it against.
 */
export function verifyEasemobCallback(
  request: CallbackRequest,
  context: CallbackContext<EasemobConfig>,
): void {
  const body = request.body;
  if (!isRecord(body))
    throw new CallbackRejectedError('callback_malformed', 'Easemob callback body must be a JSON object');
  const { config } = context;
  const expectedAppKey = `${config.orgName}#${config.appName}`;
  if (body.appkey !== undefined && body.appkey !== expectedAppKey)
    throw new CallbackRejectedError(
      'callback_app_mismatch',
      `Callback appkey does not match this app (${expectedAppKey})`,
    );
  const security = body.security;
  if (security === undefined || security === null || security === '') {
    if (config.allowUnsignedCallbacks === true) return;
    throw new CallbackRejectedError('callback_signature_missing', 'Easemob callback has no security field');
  }
  if (typeof security !== 'string')
    throw new CallbackRejectedError('callback_signature_invalid', 'Easemob security must be a string');
  if (config.callbackSecret === undefined || config.callbackSecret === '')
    throw new CallbackRejectedError(
      'callback_signature_invalid',
      'Signed Easemob callback, but this app has no callbackSecret to check it: set the callback rule secret',
    );
  const callId = readString(body.callId) ?? '';
  if (callId === '')
    throw new CallbackRejectedError(
      'callback_signature_invalid',
      'Signed Easemob callback without callId: its signature would not bind the content',
    );
  const timestamp = readString(body.timestamp) ?? '';
  const expected = easemobCallbackSignature(callId, config.callbackSecret, timestamp);
  if (!timingSafeEqualString(security.toLowerCase(), expected))
    throw new CallbackRejectedError('callback_signature_invalid', 'Easemob callback security does not match');
  const windowSeconds = context.callbackWindowSeconds ?? EASEMOB_CALLBACK_SKEW_SECONDS;
  const sentAt = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(context.now.getTime() - sentAt) <= windowSeconds * 1000))
    throw new CallbackRejectedError(
      'callback_request_expired',
      `Easemob callback timestamp is missing or more than ${windowSeconds} s from the gateway clock`,
    );
}
