import { Injectable } from '@nestjs/common';
import {
  AppEntity,
  AppRepository,
  BridgeRepository,
  mapPage,
  newId,
  nowIso,
  type Page,
} from '@im-gateway/persistence';
import { ImGatewayError, type ImProvider } from '@im-gateway/types';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { SecretBox } from '../common/secret-box.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import type { Principal } from '../common/auth.decorators.js';
import type { AppCreateDto, AppResponseDto, AppUpdateDto } from './app.dto.js';

/** An app with its full (decrypted) provider config, for the code that talks to the vendor. */
export interface ResolvedApp {
  app: AppEntity;
  provider: ImProvider;
  config: Record<string, unknown>;
}

const RESOLVED_TTL_MS = 5_000;

/** Tenancy rules: an app is one vendor account; its secrets are sealed and never leave the service. */
@Injectable()
export class AppsService {
  private readonly resolved = new Map<string, { value: ResolvedApp; expiresAt: number }>();

  constructor(
    private readonly apps: AppRepository,
    private readonly bridges: BridgeRepository,
    private readonly registry: ProviderRegistry,
    private readonly secretBox: SecretBox,
    private readonly settings: GatewaySettingsRef,
  ) {}

  async create(dto: AppCreateDto): Promise<AppResponseDto> {
    const provider = this.providerOrValidationError(dto.provider);
    const config = provider.validateConfig(dto.config) as Record<string, unknown>;
    const now = nowIso();
    const app = Object.assign(new AppEntity(), {
      id: newId(),
      name: dto.name,
      provider: provider.name,
      disabled: false,
      settings:
        dto.retention || dto.reconcile
          ? {
              ...(dto.retention ? { retention: { ...dto.retention } } : {}),
              ...(dto.reconcile ? { reconcile: { ...dto.reconcile } } : {}),
            }
          : null,
      createdAt: now,
      updatedAt: now,
    });
    this.applyConfig(app, provider, config);
    await this.apps.save(app);
    return this.toResponse(app);
  }

  async list(
    principal: Principal,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<AppResponseDto>> {
    if (principal.kind === 'app') {
      // An app key sees exactly its own app.
      const own = cursor ? null : await this.apps.find(principal.appId);
      return { data: own ? [this.toResponse(own)] : [], nextCursor: null };
    }
    return mapPage(await this.apps.page(cursor, limit), (row) => this.toResponse(row));
  }

  async get(appId: string): Promise<AppResponseDto> {
    return this.toResponse(await this.findOrThrow(appId));
  }

  async update(appId: string, dto: AppUpdateDto): Promise<AppResponseDto> {
    const app = await this.findOrThrow(appId);
    const provider = this.registry.get(app.provider);
    if (dto.name !== undefined) app.name = dto.name;
    if (dto.config !== undefined) {
      const merged = { ...this.decryptConfig(app), ...dto.config };
      this.applyConfig(app, provider, provider.validateConfig(merged) as Record<string, unknown>);
    }
    if (dto.retention !== undefined) {
      const { retention: _old, ...rest } = app.settings ?? {};
      app.settings = dto.retention === null ? rest : { ...rest, retention: { ...dto.retention } };
    }
    if (dto.reconcile !== undefined) {
      const { reconcile: _old, ...rest } = app.settings ?? {};
      app.settings = dto.reconcile === null ? rest : { ...rest, reconcile: { ...dto.reconcile } };
    }
    app.updatedAt = nowIso();
    await this.apps.save(app);
    this.resolved.delete(appId);
    return this.toResponse(app);
  }

  async remove(appId: string): Promise<void> {
    await this.findOrThrow(appId);
    // A bridge without one of its apps could relay nothing more: the operator deletes the bridge first.
    const [bridge] = await this.bridges.forApp(appId);
    if (bridge)
      throw new ImGatewayError(
        'conflict',
        `App ${appId} is on bridge ${bridge.id}; delete the bridge first.`,
      );
    // Everything the app owns goes with it, its pending deliveries included, so nothing is attempted after.
    await this.apps.remove(appId);
    this.resolved.delete(appId);
  }

  /** The app with its decrypted config; cached for a few seconds because every callback needs it. */
  async resolve(appId: string): Promise<ResolvedApp> {
    const hit = this.resolved.get(appId);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const app = await this.findOrThrow(appId);
    const value = { app, provider: this.registry.get(app.provider), config: this.decryptConfig(app) };
    this.resolved.set(appId, { value, expiresAt: Date.now() + RESOLVED_TTL_MS });
    return value;
  }

  private providerOrValidationError(name: string): ImProvider {
    const provider = this.registry.find(name);
    if (!provider) {
      throw new ImGatewayError(
        'validation_failed',
        `provider must be one of: ${this.registry.names().join(', ')}`,
        [{ field: 'provider', message: `unknown provider "${name}"` }],
      );
    }
    return provider;
  }

  private async findOrThrow(appId: string): Promise<AppEntity> {
    const app = await this.apps.find(appId);
    if (!app) throw new ImGatewayError('not_found', `No app ${appId}.`);
    return app;
  }

  /** Splits a validated config into its public part and its sealed secrets (bound to the app id). */
  private applyConfig(app: AppEntity, provider: ImProvider, config: Record<string, unknown>): void {
    const secretKeys = new Set<string>(provider.secretFields);
    app.config = Object.fromEntries(
      Object.entries(config).filter(([k, v]) => !secretKeys.has(k) && v !== undefined),
    );
    const secrets = Object.fromEntries(
      Object.entries(config).filter(([k, v]) => secretKeys.has(k) && v !== undefined),
    );
    app.secretsEncrypted = this.secretBox.sealJson(secrets, `app:${app.id}`);
  }

  private decryptConfig(app: AppEntity): Record<string, unknown> {
    return {
      ...app.config,
      ...this.secretBox.openJson<Record<string, unknown>>(app.secretsEncrypted, `app:${app.id}`),
    };
  }

  private toResponse(app: AppEntity): AppResponseDto {
    const secrets = this.secretBox.openJson<Record<string, unknown>>(app.secretsEncrypted, `app:${app.id}`);
    return {
      id: app.id,
      name: app.name,
      provider: app.provider,
      callbackUrl: `${this.settings.value.publicBaseUrl}/callbacks/${app.provider}/${app.id}`,
      config: app.config,
      secretsSet: Object.keys(secrets).sort(),
      retention: { ...app.settings?.retention },
      reconcile: { enabled: false, ...app.settings?.reconcile },
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
    };
  }
}
