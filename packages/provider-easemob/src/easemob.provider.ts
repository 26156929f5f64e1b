import type {
  CallbackContext,
  CallbackOutcome,
  CallbackReply,
  CallbackRequest,
  ImProvider,
  NormalizedCallback,
} from '@im-gateway/types';
import { validateProviderConfig } from '@im-gateway/provider-kit';
import { easemobCallbackReply, normalizeEasemobCallback, verifyEasemobCallback } from './callback/index.js';
import { EasemobConfig, EASEMOB_SECRET_FIELDS } from './easemob.config.js';

/** The Easemob provider: the gateway reaches Easemob only through this class. */
export class EasemobProvider implements ImProvider<EasemobConfig> {
  readonly name = 'easemob';
  readonly displayName = 'Easemob';
  readonly secretFields = EASEMOB_SECRET_FIELDS;

  validateConfig(raw: unknown): EasemobConfig {
    return validateProviderConfig(EasemobConfig, raw);
  }

  verifyCallback(request: CallbackRequest, context: CallbackContext<EasemobConfig>): void {
    verifyEasemobCallback(request, context);
  }

  normalizeCallback(request: CallbackRequest, context: CallbackContext<EasemobConfig>): NormalizedCallback {
    return normalizeEasemobCallback(request, context);
  }

  callbackReply(outcome: CallbackOutcome): CallbackReply {
    return easemobCallbackReply(outcome);
  }
}
