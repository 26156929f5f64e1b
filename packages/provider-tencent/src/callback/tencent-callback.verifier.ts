import { CallbackRejectedError, type CallbackRequest } from '@im-gateway/types';
import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import { tencentCallbackSign, timingSafeEqualString } from '@im-gateway/signing';
import type { TencentCallbackContext } from './tencent-callback.types.js';

/**
 * How far `RequestTime` may be from our clock, either way. The console page (tencent.md §1.2, S-cfg) tells
 * receivers to reject a RequestTime more than 1 minute away, to stop replays: the signature covers only the
 * token and the time, so the window is the only replay limit.
 */
export const TENCENT_REQUEST_TIME_SKEW_SECONDS = 60;

/** A callback's body and its routed command, once both are known to be well formed. */
export interface TencentCallbackEnvelope {
  command: string;
  body: Record<string, unknown>;
}

/**
 * Reads the command and body. Tencent routes on the `CallbackCommand` query parameter (§1.1: the body does
 * not always repeat it, e.g. ContentCallback and Push.OfflinePush); when the body does name it, the two must
 * agree. Throws `callback_malformed` otherwise.
 */
export function readTencentEnvelope(request: CallbackRequest): TencentCallbackEnvelope {
  const command = request.query.CallbackCommand;
  if (command === undefined || command.trim() === '') {
    throw new CallbackRejectedError('callback_malformed', 'CallbackCommand query parameter is missing');
  }
  if (!isRecord(request.body)) {
    throw new CallbackRejectedError('callback_malformed', 'Tencent callback body must be a JSON object');
  }
  const named = request.body.CallbackCommand;
  if (named !== undefined && readString(named) !== command) {
    throw new CallbackRejectedError(
      'callback_malformed',
      'CallbackCommand in the body differs from the query',
    );
  }
  return { command, body: request.body };
}

/**
 * Checks that a callback is for this app and, when the app has a callback token, that it is signed and
 * fresh (tencent.md §1.2). An app without a token accepts callbacks only when it set
 * `allowUnsignedCallbacks`; otherwise every callback is `callback_signature_missing`. Throws
 * `CallbackRejectedError`; returns nothing when the callback is acceptable.
 */
export function verifyTencentCallback(request: CallbackRequest, context: TencentCallbackContext): void {
  // Every callback page: "verify that SdkAppid in the URL is your own SDKAppID".
  const sdkAppId = request.query.SdkAppid;
  if (sdkAppId === undefined || sdkAppId.trim() !== String(context.config.sdkAppId)) {
    throw new CallbackRejectedError('callback_app_mismatch', 'SdkAppid does not match this app');
  }
  const token = context.config.callbackToken;
  if (token !== undefined && token !== '') verifySignature(request, token, context.now);
  else if (context.config.allowUnsignedCallbacks !== true)
    throw new CallbackRejectedError(
      'callback_signature_missing',
      'This app has no callbackToken to check callbacks with: set it, or allowUnsignedCallbacks: true',
    );
  readTencentEnvelope(request);
}

function verifySignature(request: CallbackRequest, token: string, now: Date): void {
  const sign = request.query.Sign;
  const requestTime = request.query.RequestTime;
  // Sign and RequestTime come together once authentication is on; without either nothing can be checked.
  if (sign === undefined || sign === '' || requestTime === undefined || requestTime === '') {
    throw new CallbackRejectedError('callback_signature_missing', 'Sign and RequestTime are required');
  }
  // The vendor prints lower-case hex; accept upper case too, it is the same digest.
  if (!timingSafeEqualString(sign.toLowerCase(), tencentCallbackSign(token, requestTime))) {
    throw new CallbackRejectedError('callback_signature_invalid', 'Sign does not match');
  }
  const seconds = /^\d{1,12}$/.test(requestTime) ? Number(requestTime) : Number.NaN;
  const skew = Math.abs(now.getTime() / 1000 - seconds);
  if (!(skew <= TENCENT_REQUEST_TIME_SKEW_SECONDS)) {
    throw new CallbackRejectedError('callback_request_expired', 'RequestTime is outside the allowed window');
  }
}
