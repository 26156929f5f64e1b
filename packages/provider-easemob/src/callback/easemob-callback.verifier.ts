import { easemobCallbackSignature, timingSafeEqualString } from '@im-gateway/signing';
import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import { CallbackRejectedError, type CallbackContext, type CallbackRequest } from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';

/**
 * Checks that a callback is Easemob's and for this app; throws `CallbackRejectedError` otherwise.
 *
 * - the body must be a JSON object (`callback_malformed`);
 * - `appkey`, when present, must be `orgName#appName` (`callback_app_mismatch`);
 * - `security` must equal MD5(callId + callbackSecret + timestamp), lower-case hex (seed 000 common
 *   fields; easemob.md §4.5), compared in constant time (`callback_signature_invalid`);
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
  const expected = easemobCallbackSignature(
    readString(body.callId) ?? '',
    config.callbackSecret,
    readString(body.timestamp) ?? '',
  );
  if (!timingSafeEqualString(security.toLowerCase(), expected))
    throw new CallbackRejectedError('callback_signature_invalid', 'Easemob callback security does not match');
}
