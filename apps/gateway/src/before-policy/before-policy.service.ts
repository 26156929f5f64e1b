import { Injectable } from '@nestjs/common';
import { AppRepository, BeforePolicyEntity, BeforePolicyRepository, nowIso } from '@im-gateway/persistence';
import { generateWebhookSecret } from '@im-gateway/signing';
import { ImGatewayError } from '@im-gateway/types';
import { SecretBox } from '../common/secret-box.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { assertEndpointUrl } from '../endpoints/endpoint-url.policy.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { BeforePolicyCache } from './before-policy.cache.js';
import type {
  BeforePolicyPutDto,
  BeforePolicyResponseDto,
  BeforePolicySecretResponseDto,
} from './before-policy.dto.js';
import type { BeforePolicy, BeforeRule } from './before-policy.types.js';
import { assertValidPolicy } from './before-policy.validator.js';

/** How often a write is redone when other writes keep coming first. */
const WRITE_ATTEMPTS = 5;

/** The associated data that binds a sealed decision endpoint secret to its app's row. */
const secretAad = (appId: string): string => `before-policy:${appId}`;

/**
 * An app's before-callback policy: validation against its vendor's capabilities, storage with the decision
 * endpoint's secret sealed, and the cached lookup the callback path makes.
 */
@Injectable()
export class BeforePolicyService {
  private readonly cache = new BeforePolicyCache();
  /** Lookups in flight, so that a burst of callbacks for one app reads the database once. */
  private readonly loading = new Map<string, Promise<BeforePolicy | null>>();

  constructor(
    private readonly policies: BeforePolicyRepository,
    private readonly apps: AppRepository,
    private readonly providers: ProviderRegistry,
    private readonly secretBox: SecretBox,
    private readonly settings: GatewaySettingsRef,
  ) {}

  /**
   * The app's policy with its decision endpoint secret opened, or null when it has none: the callback
   * path's lookup. Served from this replica's copy, which is checked against the stored row at most once a
   * second (`POLICY_RECHECK_MS`) and dropped at once by a write here, so a change made through another
   * replica applies within a second. The object stays the same while the row does, so its rules are
   * compiled once.
   */
  policyFor(appId: string): Promise<BeforePolicy | null> {
    const fresh = this.cache.fresh(appId);
    if (fresh) return Promise.resolve(fresh.policy);
    let pending = this.loading.get(appId);
    if (!pending) {
      pending = this.refresh(appId).finally(() => this.loading.delete(appId));
      this.loading.set(appId, pending);
    }
    return pending;
  }

  private async refresh(appId: string): Promise<BeforePolicy | null> {
    const mark = this.cache.mark(appId);
    const confirmed = this.cache.confirm(appId, await this.policies.generation(appId));
    if (confirmed) return confirmed.policy;
    const row = await this.policies.find(appId);
    const policy = row ? this.toPolicy(row) : null;
    this.cache.set(appId, policy, row ? { createdAt: row.createdAt, version: row.version } : null, mark);
    return policy;
  }

  /** After a write here: this replica's copy and any lookup in flight are let go. */
  private forget(appId: string): void {
    this.cache.drop(appId);
    this.loading.delete(appId);
  }

  async get(appId: string): Promise<BeforePolicyResponseDto> {
    const row = await this.policies.find(appId);
    if (!row) throw new ImGatewayError('not_found', `App ${appId} has no before-policy.`);
    return toResponse(row);
  }

  /**
   * Replaces the whole policy. The decision endpoint keeps its secret across changes (rotate it on its
   * own route); the first time a policy has an endpoint, a secret is made and returned this once.
   */
  async put(appId: string, dto: BeforePolicyPutDto): Promise<BeforePolicyResponseDto & { secret?: string }> {
    const provider = await this.providerOf(appId);
    await this.assertValid(dto, provider);
    return this.write(appId, (existing) => {
      const now = nowIso();
      let secret: string | undefined;
      let secretEncrypted = dto.decisionEndpoint ? (existing?.secretEncrypted ?? null) : null;
      if (dto.decisionEndpoint && !secretEncrypted) {
        secret = generateWebhookSecret();
        secretEncrypted = this.secretBox.seal(secret, secretAad(appId));
      }
      const row = Object.assign(new BeforePolicyEntity(), {
        appId,
        policy: {
          rules: dto.rules,
          decisionEndpoint: dto.decisionEndpoint
            ? { url: dto.decisionEndpoint.url, timeoutMs: dto.decisionEndpoint.timeoutMs }
            : null,
          ...(dto.vendorWaitMs != null ? { vendorWaitMs: dto.vendorWaitMs } : {}),
        },
        onError: dto.onError,
        secretEncrypted,
        version: (existing?.version ?? 0) + 1,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      return { row, result: secret === undefined ? toResponse(row) : { ...toResponse(row), secret } };
    });
  }

  async remove(appId: string): Promise<void> {
    await this.providerOf(appId);
    const removed = await this.policies.remove(appId);
    this.forget(appId);
    if (!removed) throw new ImGatewayError('not_found', `App ${appId} has no before-policy.`);
  }

  /** A new decision endpoint secret signs from now on; the old one stops at once. */
  async rotateSecret(appId: string): Promise<BeforePolicySecretResponseDto> {
    return this.write(appId, (existing) => {
      if (!existing?.policy.decisionEndpoint) {
        throw new ImGatewayError('not_found', `App ${appId} has no before-policy with a decision endpoint.`);
      }
      const secret = generateWebhookSecret();
      const row = Object.assign(new BeforePolicyEntity(), existing, {
        secretEncrypted: this.secretBox.seal(secret, secretAad(appId)),
        version: existing.version + 1,
        updatedAt: nowIso(),
      });
      return { row, result: { secret } };
    });
  }

  /**
   * Reads the row, makes the next one and writes it only if no other write came in between (else reads
   * again): every stored version is then one policy, which is what replicas rely on to trust their copy.
   * Redoing a PUT over a newer row is what its caller asked for: the whole policy, replaced.
   */
  private async write<T>(
    appId: string,
    next: (existing: BeforePolicyEntity | null) => { row: BeforePolicyEntity; result: T },
  ): Promise<T> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const existing = await this.policies.find(appId);
      const { row, result } = next(existing);
      if (await this.policies.saveIfUnchanged(row, existing?.version ?? null)) {
        this.forget(appId);
        return result;
      }
    }
    throw new ImGatewayError(
      'conflict',
      `The before-policy of app ${appId} kept changing under this request; send it again.`,
    );
  }

  /** The app's provider name; `not_found` for an unknown app. */
  async providerOf(appId: string): Promise<string> {
    const app = await this.apps.find(appId);
    if (!app) throw new ImGatewayError('not_found', `No app ${appId}.`);
    return app.provider;
  }

  /** Every check a PUT makes: structure aside (the DTO's), rules against the vendor, the endpoint's URL. */
  async assertValid(dto: BeforePolicyPutDto, provider: string): Promise<void> {
    assertValidPolicy(
      {
        rules: dto.rules as BeforeRule[],
        onError: dto.onError,
        decisionEndpoint: dto.decisionEndpoint ?? null,
        vendorWaitMs: dto.vendorWaitMs ?? null,
      },
      provider,
      this.providers.get(provider).capabilities.before,
    );
    if (!dto.decisionEndpoint) return;
    try {
      await assertEndpointUrl(dto.decisionEndpoint.url, this.settings.value.endpointsAllowPrivate);
    } catch (error) {
      if (!(error instanceof ImGatewayError)) throw error;
      // The endpoint policy names `url`; here it is the decision endpoint's.
      throw new ImGatewayError(error.code, `decisionEndpoint.${error.message}`, [
        { field: 'decisionEndpoint.url', message: error.message },
      ]);
    }
  }

  private toPolicy(row: BeforePolicyEntity): BeforePolicy {
    const endpoint = row.policy.decisionEndpoint;
    return {
      rules: row.policy.rules as BeforeRule[],
      onError: row.onError,
      vendorWaitMs: row.policy.vendorWaitMs ?? null,
      decisionEndpoint:
        endpoint && row.secretEncrypted
          ? { ...endpoint, secret: this.secretBox.open(row.secretEncrypted, secretAad(row.appId)) }
          : null,
    };
  }
}

/** The stored policy as the API shows it: never the secret. */
function toResponse(row: BeforePolicyEntity): BeforePolicyResponseDto {
  return {
    rules: row.policy.rules as BeforePolicyResponseDto['rules'],
    decisionEndpoint: row.policy.decisionEndpoint,
    onError: row.onError,
    vendorWaitMs: row.policy.vendorWaitMs ?? null,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
