import type { AxiosInstance } from 'axios';
import type {
  BeforeDecision,
  CallbackContext,
  CallbackOutcome,
  CallbackReply,
  CallbackRequest,
  ImProvider,
  NormalizedCallback,
  RecallRequest,
  SendRequest,
  SendResult,
  VendorCallContext,
} from '@im-gateway/types';
import { ClientCache, validateProviderConfig } from '@im-gateway/provider-kit';
import {
  tencentCallbackReply,
  tencentDecisionReply,
  normalizeTencentCallback,
  verifyTencentCallback,
} from './callback/index.js';
import { TENCENT_API_LIMITS } from './rest/tencent-api-limits.js';
import { toTencentElement } from './rest/tencent-message.mapper.js';
import { recallTencentMessage, sendTencentMessage } from './rest/tencent-messages.js';
import { TencentRestClient, type TencentClientOptions } from './rest/tencent-rest.client.js';
import { TENCENT_CAPABILITIES } from './tencent.capabilities.js';
import { createTencentMigration } from './migration/tencent-migration.js';
import { createTencentReconciliation } from './reconcile/tencent-reconciliation.js';
import { TencentConfig, TENCENT_SECRET_FIELDS } from './tencent.config.js';

/** The Tencent provider: the gateway reaches Tencent only through this class. */
export class TencentProvider implements ImProvider<TencentConfig> {
  readonly name = 'tencent';
  readonly displayName = 'Tencent';
  readonly secretFields = TENCENT_SECRET_FIELDS;
  readonly apiLimits = TENCENT_API_LIMITS;
  readonly capabilities = TENCENT_CAPABILITIES;
  /** One client (and so one cached UserSig) per SDKAppID, admin and key. */
  private readonly clients = new ClientCache<TencentConfig, TencentRestClient>(
    (c) => [c.baseUrl, c.sdkAppId, c.adminIdentifier, c.secretKey],
    (c) => new TencentRestClient(this.http, c, this.options),
  );
  readonly migration = createTencentMigration(
    (c) => this.clients.get(c),
    () => (this.options.now ?? Date.now)(),
  );
  /** Recovered events and per-conversation reads for reconciliation (docs/reconciliation.md). */
  readonly reconciliation = createTencentReconciliation((c) => this.clients.get(c));

  constructor(
    private readonly http: AxiosInstance,
    private readonly options: TencentClientOptions = {},
  ) {}

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

  decisionReply(
    normalized: NormalizedCallback,
    request: CallbackRequest,
    decision: BeforeDecision,
  ): CallbackReply {
    // The send path's element mapper, so a modified message is encoded exactly as a sent one.
    return tencentDecisionReply(normalized, request, decision, toTencentElement);
  }

  send(config: TencentConfig, request: SendRequest, context: VendorCallContext): Promise<SendResult> {
    return sendTencentMessage(this.clients.get(config), request, context);
  }

  recall(config: TencentConfig, request: RecallRequest, context: VendorCallContext): Promise<void> {
    return recallTencentMessage(this.clients.get(config), request, context);
  }
}
