import type {
  CallbackContext,
  CallbackOutcome,
  CallbackReply,
  CallbackRequest,
  ImProvider,
  NormalizedCallback,
} from '@im-gateway/types';
import { validateProviderConfig } from '@im-gateway/provider-kit';
import { tencentCallbackReply, normalizeTencentCallback, verifyTencentCallback } from './callback/index.js';
import { TencentConfig, TENCENT_SECRET_FIELDS } from './tencent.config.js';

/** The Tencent provider: the gateway reaches Tencent only through this class. */
export class TencentProvider implements ImProvider<TencentConfig> {
  readonly name = 'tencent';
  readonly displayName = 'Tencent';
  readonly secretFields = TENCENT_SECRET_FIELDS;

  validateConfig(raw: unknown): TencentConfig {
    return validateProviderConfig(TencentConfig, raw);
  }

  verifyCallback(request: CallbackRequest, context: CallbackContext<TencentConfig>): void {
    verifyTencentCallback(request, context);
  }

  normalizeCallback(request: CallbackRequest, context: CallbackContext<TencentConfig>): NormalizedCallback {
    return normalizeTencentCallback(request, context);
  }

  callbackReply(outcome: CallbackOutcome): CallbackReply {
    return tencentCallbackReply(outcome);
  }
}
