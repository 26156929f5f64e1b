// Placeholder until the Tencent callback verifier, classifier and normalizer land.
import { CallbackRejectedError, type CallbackContext, type CallbackOutcome, type CallbackReply, type CallbackRequest, type NormalizedCallback } from '@im-gateway/types';

export function verifyTencentCallback(_request: CallbackRequest, _context: CallbackContext<object>): void {
  throw new CallbackRejectedError('callback_malformed', 'not implemented');
}

export function normalizeTencentCallback(_request: CallbackRequest, _context: CallbackContext<object>): NormalizedCallback {
  throw new CallbackRejectedError('callback_malformed', 'not implemented');
}

export function tencentCallbackReply(_outcome: CallbackOutcome): CallbackReply {
  return { status: 500, body: {} };
}
