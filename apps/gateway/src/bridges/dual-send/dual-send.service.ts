import { Injectable } from '@nestjs/common';
import {
  newId,
  nowIso,
  RelayedMessageRepository,
  RelayEntity,
  RelayLogRepository,
  type BridgeEntity,
  type RelayedMessageEntity,
  type MessageEntity,
} from '@im-gateway/persistence';
import {
  ImGatewayError,
  RELAY_EXT_KEY,
  type RelayMarker,
  type SendRequest,
  type SendTargetType,
} from '@im-gateway/types';
import { toMessageResponse } from '../../messages/message-record.js';
import type { MessageSendDto } from '../../messages/message.dto.js';
import { MessagesService, toSendRequest } from '../../messages/messages.service.js';
import { AppsService, type ResolvedApp } from '../../tenancy/apps.service.js';
import { BridgesService } from '../bridges.service.js';
import { IdMapper } from '../mappings/id-mapper.js';
import { relayedPair } from '../relay/relayed-pair.js';
import type { DualSendResponseDto, IdPairDto } from './dual-send.dto.js';

/** A send to listed recipients (dual-send cannot map a broadcast to every room). */
type ListedRequest = SendRequest & { to: { type: SendTargetType; ids: string[] } };

const sentIds = (row: MessageEntity) =>
  row.results.map((r) => (r.status === 'sent' ? r.vendorMessageId : null));

/**
 * One message to both sides of a bridge at once (system notices during a migration). Ids are given in the
 * source app's terms and mapped like relays. Both copies carry the relay marker — the source one as the
 * `origin`, the target one as the `copy` — so neither is relayed again, and an `excludeRelayed` endpoint
 * sees the message once. It is recorded as a relay (without an origin event) with its message-id pairs, so
 * a recall on either side is relayed to the other.
 */
@Injectable()
export class DualSendService {
  constructor(
    private readonly bridges: BridgesService,
    private readonly apps: AppsService,
    private readonly mapper: IdMapper,
    private readonly messages: MessagesService,
    private readonly relays: RelayLogRepository,
    private readonly pairs: RelayedMessageRepository,
  ) {}

  async send(bridgeId: string, dto: MessageSendDto): Promise<{ status: number; body: DualSendResponseDto }> {
    const bridge = await this.bridges.find(bridgeId);
    const asked = toSendRequest(dto);
    if ('all' in asked.to)
      throw new ImGatewayError(
        'validation_failed',
        'to.all cannot be mapped across a bridge; name the rooms',
        [{ field: 'to.all', message: 'is not supported by dual-send' }],
      );
    const request = asked as ListedRequest;
    const mapped = await this.mapped(bridge, request);
    const [source, target] = await Promise.all([
      this.apps.resolve(bridge.sourceAppId),
      this.apps.resolve(bridge.targetAppId),
    ]);
    const relayId = newId();
    const now = nowIso();
    const relay: RelayEntity = Object.assign(new RelayEntity(), {
      id: relayId,
      bridgeId,
      sourceAppId: bridge.sourceAppId,
      targetAppId: bridge.targetAppId,
      originEventId: null,
      action: 'message',
      sourceMessageId: `dual-send:${relayId}`,
      conversationKind: request.to.type === 'user' ? 'direct' : request.to.type,
      conversationId: null,
      status: 'relaying',
      reason: 'dual-send',
      attempts: 1,
      nextAttemptAt: null,
      lastAttemptAt: now,
      lockedUntil: null,
      lastError: null,
      targetMessageIds: null,
      occurredAt: now,
      createdAt: now,
      relayedAt: null,
      updatedAt: now,
    });
    // The row exists before either send, so the vendors' callbacks for the two copies find it.
    await this.relays.insert(relay);
    const marker = (role: 'origin' | 'copy'): RelayMarker => ({
      bridgeId,
      relayId,
      originEventId: null,
      originProvider: source.provider.name,
      originMessageId: `dual-send:${relayId}`,
      originSentAt: now,
      role,
    });
    const withMarker = (r: SendRequest, role: 'origin' | 'copy'): SendRequest => ({
      ...r,
      ext: { ...(r.ext ?? {}), [RELAY_EXT_KEY]: marker(role) },
    });
    const [sent, copied] = await Promise.all([
      this.messages.sendAs(source, withMarker(request, 'origin')),
      this.messages.sendAs(target, withMarker(mapped.request, 'copy')),
    ]);
    const pairs = await this.recordPairs(
      bridge,
      relayId,
      request,
      mapped.request,
      sent.row,
      copied.row,
      source,
      target,
    );
    const ok = sent.row.status === 'sent' && copied.row.status === 'sent';
    relay.status = ok ? 'relayed' : 'failed';
    relay.sourceMessageId = pairs[0]?.source ?? sentIds(sent.row).find((id) => id) ?? relay.sourceMessageId;
    relay.targetMessageIds = sentIds(copied.row).filter((id): id is string => id !== null);
    relay.relayedAt = ok ? nowIso() : null;
    relay.reason = ok ? 'dual-send' : `dual-send: source ${sent.row.status}, target ${copied.row.status}`;
    relay.updatedAt = nowIso();
    await this.relays.save(relay);
    return {
      status: ok ? 201 : 207,
      body: {
        relayId,
        source: toMessageResponse(sent.row),
        target: toMessageResponse(copied.row),
        mapping: {
          from: { source: request.from, target: mapped.request.from },
          to: mapped.to,
          messageIds: pairs,
        },
      },
    };
  }

  private async mapped(bridge: BridgeEntity, request: ListedRequest) {
    const missing: string[] = [];
    const from = await this.mapper.user(bridge, request.from, 'forward');
    if (!from) missing.push(`user ${request.from}`);
    const to: IdPairDto[] = [];
    for (const id of request.to.ids) {
      const target =
        request.to.type === 'user'
          ? await this.mapper.user(bridge, id, 'forward')
          : await this.mapper.conversation(bridge, request.to.type, id, 'forward');
      if (target) to.push({ source: id, target });
      else missing.push(`${request.to.type} ${id}`);
    }
    if (missing.length > 0 || !from)
      throw new ImGatewayError(
        'mapping_missing',
        `No mapping on bridge ${bridge.id} for ${missing.join(', ')}.`,
        { missing },
      );
    const mappedRequest: SendRequest = {
      ...request,
      from,
      to: { type: request.to.type, ids: to.map((t) => t.target) },
    };
    if (request.options?.recipients) {
      const recipients: string[] = [];
      for (const user of request.options.recipients) {
        const mappedUser = await this.mapper.user(bridge, user, 'forward');
        if (!mappedUser)
          throw new ImGatewayError('mapping_missing', `No mapping on bridge ${bridge.id} for user ${user}.`, {
            missing: [`user ${user}`],
          });
        recipients.push(mappedUser);
      }
      mappedRequest.options = { ...request.options, recipients };
    }
    return { request: mappedRequest, to };
  }

  private async recordPairs(
    bridge: BridgeEntity,
    relayId: string,
    request: ListedRequest,
    mapped: SendRequest,
    sent: MessageEntity,
    copied: MessageEntity,
    source: ResolvedApp,
    target: ResolvedApp,
  ): Promise<IdPairDto[]> {
    const sourceIds = sentIds(sent);
    const targetIds = sentIds(copied);
    const targetTo = mapped.to as { type: SendTargetType; ids: string[] };
    const now = nowIso();
    const rows: RelayedMessageEntity[] = [];
    request.to.ids.forEach((id, i) => {
      const s = sourceIds[i];
      const t = targetIds[i];
      if (!s || !t) return;
      rows.push(
        relayedPair(
          bridge.id,
          relayId,
          { appId: source.app.id, messageId: s, from: request.from, toType: request.to.type, toId: id },
          {
            appId: target.app.id,
            messageId: t,
            from: mapped.from,
            toType: targetTo.type,
            toId: targetTo.ids[i]!,
          },
          now,
        ),
      );
    });
    await this.pairs.insert(rows);
    return rows.map((r) => ({ source: r.sourceMessageId, target: r.targetMessageId }));
  }
}
