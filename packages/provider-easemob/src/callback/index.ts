// Placeholder until the Easemob callback verifier, classifier and normalizer land.
import { CallbackRejectedError, type CallbackContext, type CallbackOutcome, type CallbackReply, type CallbackRequest, type NormalizedCallback } from '@im-gateway/types';

export function verifyEasemobCallback(_request: CallbackRequest, _context: CallbackContext<object>): void {
  throw new CallbackRejectedError('callback_malformed', 'not implemented');
}

export function normalizeEasemobCallback(_request: CallbackRequest, _context: CallbackContext<object>): NormalizedCallback {
  throw new CallbackRejectedError('callback_malformed', 'not implemented');
}

export function easemobCallbackReply(_outcome: CallbackOutcome): CallbackReply {
  return { status: 500, body: {} };
}
