import { createHash } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import type {
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
import { validateProviderConfig } from '@im-gateway/provider-kit';
import { easemobCallbackReply, normalizeEasemobCallback, verifyEasemobCallback } from './callback/index.js';
import { EASEMOB_CAPABILITIES } from './easemob.capabilities.js';
import { EasemobConfig, EASEMOB_SECRET_FIELDS } from './easemob.config.js';
import { EASEMOB_API_LIMITS } from './rest/easemob-api-limits.js';
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
  private readonly clients = new Map<string, EasemobRestClient>();

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

  send(config: EasemobConfig, request: SendRequest, context: VendorCallContext): Promise<SendResult> {
    return sendEasemobMessage(this.client(config), request, context);
  }

  recall(config: EasemobConfig, request: RecallRequest, context: VendorCallContext): Promise<void> {
    return recallEasemobMessage(this.client(config), request, context);
  }

  private client(config: EasemobConfig): EasemobRestClient {
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          config.baseUrl,
          config.orgName,
          config.appName,
          config.clientId,
          config.clientSecret,
        ]),
      )
      .digest('hex');
    let client = this.clients.get(key);
    if (!client) {
      client = new EasemobRestClient(this.http, config);
      this.clients.set(key, client);
    }
    return client;
  }
}
