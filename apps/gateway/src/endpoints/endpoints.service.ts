import { Injectable } from '@nestjs/common';
import {
  AppRepository,
  EndpointEntity,
  EndpointRepository,
  mapPage,
  newId,
  nowIso,
  type Page,
} from '@im-gateway/persistence';
import { generateWebhookSecret } from '@im-gateway/signing';
import { ImGatewayError } from '@im-gateway/types';
import { SecretBox } from '../common/secret-box.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import type {
  EndpointCreateDto,
  EndpointResponseDto,
  EndpointSecretResponseDto,
  EndpointUpdateDto,
} from './endpoint.dto.js';
import { BridgeDirectory } from '../bridges/bridge-directory.js';
import { EndpointDirectory } from './endpoint-directory.js';
import { assertEndpointUrl } from './endpoint-url.policy.js';
import type { DestinationType } from './destinations/destination.js';
import { assertBrokerHost, parseBrokerDestination } from './destinations/destination-config.js';
import { Destinations } from './destinations/destinations.js';
import { invalidDestination } from './destinations/routing-template.js';

/** How long creation waits for a broker to accept a connection. */
const PROBE_TIMEOUT_MS = 3_000;

/** An endpoint's checked destination: the URL as stored and shown, the sealed one, and the settings. */
interface CheckedDestination {
  url: string;
  /** The URL with credentials, to be sealed; null when it carries none. */
  secretUrl: string | null;
  settings: EndpointEntity['destination'];
}

/**
 * Webhook-out subscriptions: destination checks (URL policy, broker settings, reachability), event
 * patterns, sealed signing secrets and broker credentials, and secret rotation.
 */
@Injectable()
export class EndpointsService {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly apps: AppRepository,
    private readonly secretBox: SecretBox,
    private readonly settings: GatewaySettingsRef,
    private readonly directory: EndpointDirectory,
    private readonly bridges: BridgeDirectory,
    private readonly destinations: Destinations,
  ) {}

  async create(appId: string, dto: EndpointCreateDto): Promise<EndpointResponseDto & { secret: string }> {
    if (!(await this.apps.exists(appId))) throw new ImGatewayError('not_found', `No app ${appId}.`);
    const type = dto.type ?? 'http';
    const checked = await this.checkDestination(type, dto.url, dto.destination);
    const now = nowIso();
    const secret = generateWebhookSecret();
    const endpoint = Object.assign(new EndpointEntity(), {
      id: newId(),
      appId,
      type,
      url: checked.url,
      destination: checked.settings,
      description: dto.description ?? '',
      eventTypes: dto.eventTypes ?? [],
      disabled: dto.disabled ?? false,
      disabledReason: null,
      headers: dto.headers ?? {},
      ordering: dto.ordering ?? 'none',
      excludeRelayed: dto.excludeRelayed ?? (await this.bridges.forApp(appId)).length > 0,
      previousSecretEncrypted: null,
      previousSecretExpiresAt: null,
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    });
    endpoint.secretEncrypted = this.secretBox.seal(secret, `endpoint:${endpoint.id}`);
    endpoint.urlEncrypted = this.sealUrl(endpoint.id, checked.secretUrl);
    await this.endpoints.insert(endpoint);
    this.directory.invalidate(appId);
    return { ...this.toResponse(endpoint), secret };
  }

  async list(
    appId: string,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<EndpointResponseDto>> {
    return mapPage(await this.endpoints.page(appId, cursor, limit), (r) => this.toResponse(r));
  }

  async get(appId: string, id: string): Promise<EndpointResponseDto> {
    return this.toResponse(await this.find(appId, id));
  }

  async update(appId: string, id: string, dto: EndpointUpdateDto): Promise<EndpointResponseDto> {
    const endpoint = await this.find(appId, id);
    if (dto.url !== undefined || dto.destination !== undefined) {
      const current = endpoint.urlEncrypted
        ? this.secretBox.open(endpoint.urlEncrypted, `endpoint-url:${endpoint.id}`)
        : endpoint.url;
      const checked = await this.checkDestination(
        endpoint.type as DestinationType,
        dto.url ?? current,
        dto.destination ?? endpoint.destination ?? undefined,
      );
      endpoint.url = checked.url;
      endpoint.urlEncrypted = this.sealUrl(endpoint.id, checked.secretUrl);
      endpoint.destination = checked.settings;
    }
    if (dto.eventTypes !== undefined) endpoint.eventTypes = dto.eventTypes;
    if (dto.description !== undefined) endpoint.description = dto.description;
    if (dto.headers !== undefined) endpoint.headers = dto.headers;
    if (dto.ordering !== undefined) endpoint.ordering = dto.ordering;
    if (dto.excludeRelayed !== undefined) endpoint.excludeRelayed = dto.excludeRelayed;
    if (dto.disabled !== undefined) {
      endpoint.disabled = dto.disabled;
      if (!dto.disabled) {
        endpoint.disabledReason = null;
        endpoint.failingSince = null;
      }
    }
    endpoint.updatedAt = nowIso();
    await this.endpoints.save(endpoint);
    this.directory.invalidate(appId);
    // A changed or paused destination's connection is not kept; the next attempt opens what it needs.
    await this.destinations.close(id);
    return this.toResponse(endpoint);
  }

  async remove(appId: string, id: string): Promise<void> {
    await this.find(appId, id);
    await this.endpoints.remove(appId, id, nowIso());
    this.directory.invalidate(appId);
    await this.destinations.close(id);
  }

  /**
   * HTTP: the URL policy. Brokers: scheme and settings, then the host's addresses, then a connection within
   * 3 s that also finds the exchange or stream named (a typo is caught now rather than at every attempt).
   */
  private async checkDestination(
    type: DestinationType,
    rawUrl: string,
    rawSettings: Record<string, unknown> | undefined,
  ): Promise<CheckedDestination> {
    const allowPrivate = this.settings.value.endpointsAllowPrivate;
    if (type === 'http') {
      if (rawSettings !== undefined && Object.keys(rawSettings).length > 0)
        throw invalidDestination('destination', 'http endpoints take no destination settings');
      return {
        url: (await assertEndpointUrl(rawUrl, allowPrivate)).toString(),
        secretUrl: null,
        settings: null,
      };
    }
    const parsed = parseBrokerDestination(type, rawUrl, rawSettings);
    await assertBrokerHost(parsed.url, allowPrivate);
    const settings: NonNullable<EndpointEntity['destination']> = parsed.settings;
    await this.destinations
      .of(type)
      .probe({ endpointId: '', type, url: parsed.url.toString(), settings }, PROBE_TIMEOUT_MS);
    return {
      url: parsed.shownUrl,
      secretUrl: parsed.hasCredentials ? parsed.url.toString() : null,
      settings,
    };
  }

  private sealUrl(id: string, url: string | null): string | null {
    return url === null ? null : this.secretBox.seal(url, `endpoint-url:${id}`);
  }

  async secret(appId: string, id: string): Promise<EndpointSecretResponseDto> {
    const endpoint = await this.find(appId, id);
    return {
      secret: this.secretBox.open(endpoint.secretEncrypted, `endpoint:${id}`),
      previousSecretExpiresAt: this.activePreviousExpiry(endpoint),
    };
  }

  /**
   * A new secret signs from now on; the previous one keeps signing beside it for the overlap (24 h by
   * default), so receivers can switch without losing a delivery. The signature header then carries both.
   */
  async rotateSecret(appId: string, id: string): Promise<EndpointSecretResponseDto> {
    const endpoint = await this.find(appId, id);
    const secret = generateWebhookSecret();
    const now = Date.now();
    endpoint.previousSecretEncrypted = endpoint.secretEncrypted;
    endpoint.previousSecretExpiresAt = new Date(
      now + this.settings.value.webhookSecretOverlapMs,
    ).toISOString();
    endpoint.secretEncrypted = this.secretBox.seal(secret, `endpoint:${id}`);
    endpoint.updatedAt = new Date(now).toISOString();
    await this.endpoints.save(endpoint);
    this.directory.invalidate(appId);
    return { secret, previousSecretExpiresAt: endpoint.previousSecretExpiresAt };
  }

  private activePreviousExpiry(endpoint: EndpointEntity): string | null {
    return endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > nowIso()
      ? endpoint.previousSecretExpiresAt
      : null;
  }

  private async find(appId: string, id: string): Promise<EndpointEntity> {
    const endpoint = await this.endpoints.find(id, appId);
    if (!endpoint) throw new ImGatewayError('not_found', `No endpoint ${id} in app ${appId}.`);
    return endpoint;
  }

  private toResponse(e: EndpointEntity): EndpointResponseDto {
    return {
      id: e.id,
      appId: e.appId,
      type: e.type as DestinationType,
      url: e.url,
      destination: e.destination,
      eventTypes: e.eventTypes,
      description: e.description,
      disabled: e.disabled,
      disabledReason: e.disabledReason,
      headers: e.headers,
      ordering: e.ordering,
      excludeRelayed: e.excludeRelayed,
      failingSince: e.failingSince,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}
