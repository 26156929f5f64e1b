import { Injectable } from '@nestjs/common';
import {
  AppRepository,
  BRIDGE_KINDS,
  BridgeEntity,
  BridgeRepository,
  mapPage,
  newId,
  nowIso,
  RelayLogRepository,
  type AppEntity,
  type Page,
  type UserMappingRule,
} from '@im-gateway/persistence';
import { ImGatewayError, type IdRule } from '@im-gateway/types';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { BridgeDirectory } from './bridge-directory.js';
import { affixProblem } from './mappings/user-affix.validator.js';
import type { BridgeCreateDto, BridgeResponseDto, BridgeUpdateDto, UserMappingDto } from './bridge.dto.js';
import { RelayScheduler } from './relay/relay.scheduler.js';

const invalid = (field: string, message: string) =>
  new ImGatewayError('validation_failed', `${field} ${message}`, [{ field, message }]);

/** A bridge side's user-id rule and the vendor's name for messages; null when its provider is not running. */
type SideIds = { rule: IdRule; vendor: string } | null;

/**
 * The DTO's user mapping as stored; `affix` needs both sides, they must differ, and each side's prefix and
 * suffix must be able to make an id its vendor accepts (else every relay of that side would be refused).
 */
function toRule(dto: UserMappingDto | undefined, ids: { source: SideIds; target: SideIds }): UserMappingRule {
  if (!dto || dto.type === 'same') return { type: 'same' };
  if (dto.type === 'table') return { type: 'table' };
  if (!dto.source || !dto.target) throw invalid('userMapping', 'affix needs source and target');
  const side = (a: { prefix?: string; suffix?: string }) => ({
    prefix: a.prefix ?? '',
    suffix: a.suffix ?? '',
  });
  const rule = { type: 'affix' as const, source: side(dto.source), target: side(dto.target) };
  if (rule.source.prefix === rule.target.prefix && rule.source.suffix === rule.target.suffix)
    throw invalid('userMapping', 'affix with equal sides is the same rule as type: same');
  for (const side of ['source', 'target'] as const) {
    const on = ids[side];
    const found = on && affixProblem(on.rule, rule[side]);
    if (found)
      throw invalid(
        `userMapping.${side}.${found.field}`,
        `on the ${side} app (${on.vendor}): ${found.problem}, so no ${on.vendor} user id can be made with it`,
      );
  }
  return rule;
}

/** Bridges between two apps: their lifecycle. Relays, mappings and stats have services of their own. */
@Injectable()
export class BridgesService {
  constructor(
    private readonly bridges: BridgeRepository,
    private readonly apps: AppRepository,
    private readonly relays: RelayLogRepository,
    private readonly directory: BridgeDirectory,
    private readonly scheduler: RelayScheduler,
    private readonly providers: ProviderRegistry,
  ) {}

  async create(dto: BridgeCreateDto): Promise<BridgeResponseDto> {
    if (dto.sourceAppId === dto.targetAppId)
      throw invalid('targetAppId', 'must be another app than sourceAppId');
    const [source, target] = await Promise.all([
      this.app(dto.sourceAppId, 'sourceAppId'),
      this.app(dto.targetAppId, 'targetAppId'),
    ]);
    // Two bridges between the same apps would relay every message twice.
    const existing = await this.bridges.findBetween(source.id, target.id);
    if (existing) throw new ImGatewayError('conflict', `Bridge ${existing.id} already links these apps.`);
    const now = nowIso();
    const bridge = Object.assign(new BridgeEntity(), {
      id: newId(),
      name: dto.name ?? `${source.name} → ${target.name}`,
      sourceAppId: source.id,
      targetAppId: target.id,
      direction: dto.direction ?? 'both',
      conversationKinds: dto.conversationKinds ?? [...BRIDGE_KINDS],
      userMapping: toRule(dto.userMapping, { source: this.userIds(source), target: this.userIds(target) }),
      status: dto.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    });
    await this.bridges.insert(bridge);
    this.directory.invalidate();
    return this.toResponse(bridge, source, target);
  }

  async list(cursor: string | undefined, limit: number | undefined): Promise<Page<BridgeResponseDto>> {
    const page = await this.bridges.page(cursor, limit);
    const apps = new Map((await this.apps.all()).map((a) => [a.id, a] as const));
    return mapPage(page, (b) => this.toResponse(b, apps.get(b.sourceAppId), apps.get(b.targetAppId)));
  }

  async get(id: string): Promise<BridgeResponseDto> {
    const bridge = await this.find(id);
    return this.toResponse(bridge, ...(await this.bridgeApps(bridge)));
  }

  async update(id: string, dto: BridgeUpdateDto): Promise<BridgeResponseDto> {
    const bridge = await this.find(id);
    const resumed = dto.status === 'active' && bridge.status === 'paused';
    if (dto.name !== undefined) bridge.name = dto.name;
    if (dto.status !== undefined) bridge.status = dto.status;
    if (dto.direction !== undefined) bridge.direction = dto.direction;
    if (dto.conversationKinds !== undefined) bridge.conversationKinds = dto.conversationKinds;
    if (dto.userMapping !== undefined) {
      const [source, target] = await this.bridgeApps(bridge);
      bridge.userMapping = toRule(dto.userMapping, {
        source: this.userIds(source),
        target: this.userIds(target),
      });
    }
    bridge.updatedAt = nowIso();
    await this.bridges.save(bridge);
    this.directory.invalidate();
    if (resumed) await this.wakePending(bridge.id);
    return this.toResponse(bridge, ...(await this.bridgeApps(bridge)));
  }

  /** Deletes the bridge with its tables, relays and message-id map; messages already relayed stay sent. */
  async remove(id: string): Promise<void> {
    await this.find(id);
    await this.bridges.remove(id);
    this.directory.invalidate();
  }

  async find(id: string): Promise<BridgeEntity> {
    const bridge = await this.bridges.find(id);
    if (!bridge) throw new ImGatewayError('not_found', `No bridge ${id}.`);
    return bridge;
  }

  private async wakePending(bridgeId: string): Promise<void> {
    const rows = await this.relays.pending(bridgeId);
    await this.scheduler.wake(rows.map((r) => ({ id: r.id, dueAt: r.nextAttemptAt })));
  }

  private async app(id: string, field: string): Promise<AppEntity> {
    const app = await this.apps.find(id);
    if (!app) throw invalid(field, `names no app (${id})`);
    return app;
  }

  private userIds(app: AppEntity | null): SideIds {
    const provider = app ? this.providers.find(app.provider) : undefined;
    return provider ? { rule: provider.capabilities.ids.user, vendor: provider.displayName } : null;
  }

  private async bridgeApps(bridge: BridgeEntity): Promise<[AppEntity | null, AppEntity | null]> {
    return Promise.all([this.apps.find(bridge.sourceAppId), this.apps.find(bridge.targetAppId)]);
  }

  private toResponse(
    b: BridgeEntity,
    source?: AppEntity | null,
    target?: AppEntity | null,
  ): BridgeResponseDto {
    return {
      id: b.id,
      name: b.name,
      sourceAppId: b.sourceAppId,
      sourceProvider: source?.provider ?? '',
      targetAppId: b.targetAppId,
      targetProvider: target?.provider ?? '',
      direction: b.direction,
      conversationKinds: b.conversationKinds,
      userMapping: b.userMapping,
      status: b.status,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
    };
  }
}
