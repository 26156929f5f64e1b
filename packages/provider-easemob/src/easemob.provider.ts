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
  easemobCallbackReply,
  easemobDecisionReply,
  normalizeEasemobCallback,
  verifyEasemobCallback,
} from './callback/index.js';
import { EASEMOB_CAPABILITIES } from './easemob.capabilities.js';
import { EasemobConfig, EASEMOB_SECRET_FIELDS } from './easemob.config.js';
import { easemobMigration } from './migration/easemob-migration.js';
import { createEasemobReconciliation } from './reconcile/easemob-reconciliation.js';
import { EASEMOB_API_LIMITS } from './rest/easemob-api-limits.js';
import { toEasemobMessage } from './rest/easemob-message.mapper.js';
import { recallEasemobMessage, sendEasemobMessage } from './rest/easemob-messages.js';
import { EasemobRestClient } from './rest/easemob-rest.client.js';

/** The Easemob provider: the gateway reaches Easemob only through this class. */
export class EasemobProvider implements ImProvider<EasemobConfig> {
  readonly name = 'easemob';
  readonly displayName = 'Easemob';
  readonly secretFields = EASEMOB_SECRET_FIELDS;
  readonly apiLimits = EASEMOB_API_LIMITS;
  readonly capabilities = EASEMOB_CAPABILITIES;
  /** One client (and so one cached app token) per Easemob account and credentials. */
  private readonly clients = new ClientCache<EasemobConfig, EasemobRestClient>(
    (c) => [c.baseUrl, c.orgName, c.appName, c.clientId, c.clientSecret],
    (c) => new EasemobRestClient(this.http, c),
  );

  /** Directory and history reads and imports for migration jobs (docs/migration.md). */
  readonly migration = easemobMigration((config) => this.clients.get(config));

  /** Recovered events from the history export, for reconciliation (docs/reconciliation.md). */
  readonly reconciliation = createEasemobReconciliation();

  constructor(private readonly http: AxiosInstance) {}

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

  decisionReply(
    normalized: NormalizedCallback,
    request: CallbackRequest,
    decision: BeforeDecision,
  ): CallbackReply {
    // The send path's body mapper, so a modified message is written exactly as a sent one.
    return easemobDecisionReply(normalized, request, decision, toEasemobMessage);
  }

  send(config: EasemobConfig, request: SendRequest, context: VendorCallContext): Promise<SendResult> {
    return sendEasemobMessage(this.clients.get(config), request, context);
  }

  recall(config: EasemobConfig, request: RecallRequest, context: VendorCallContext): Promise<void> {
    return recallEasemobMessage(this.clients.get(config), request, context);
  }
}
