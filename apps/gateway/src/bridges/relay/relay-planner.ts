import { Injectable } from '@nestjs/common';
import {
  newId,
  RelayedMessageRepository,
  RelayEntity,
  RelayLogRepository,
  type BridgeEntity,
  type EventEntity,
  type RelayAction,
} from '@im-gateway/persistence';
import { readRelayMarker, type RelayMarker, type RelayOrigin, type UnifiedEvent } from '@im-gateway/types';
import { BridgeDirectory } from '../bridge-directory.js';
import { bridgeKindOf, notRelayable, recalledMessageIds, relayConversationId } from './relay-source.js';

/** The other app of a bridge that relays from `appId`, or null when the bridge carries nothing from it. */
export function relayTargetOf(bridge: BridgeEntity, appId: string): string | null {
  if (bridge.sourceAppId === appId) return bridge.targetAppId;
  if (bridge.targetAppId === appId && bridge.direction === 'both') return bridge.sourceAppId;
  return null;
}

/**
 * The bridge part of ingest, run before the callback's transaction: which events are echoes of a relay (they
 * get `data.relay` and are never relayed back) and which are new messages or recalls to relay (one relay
 * row each, written in the same transaction as the event). Apps on no bridge cost one cache lookup.
 */
@Injectable()
export class RelayPlanner {
  constructor(
    private readonly directory: BridgeDirectory,
    private readonly relays: RelayLogRepository,
    private readonly pairs: RelayedMessageRepository,
  ) {}

  async plan(appId: string, events: EventEntity[], now: string): Promise<RelayEntity[]> {
    const bridges = await this.directory.forApp(appId);
    if (bridges.length === 0) return [];
    const relays: RelayEntity[] = [];
    for (const row of events) {
      const event = row.body;
      if (event.type === 'message.sent') {
        if (await this.isEcho(appId, event, bridges)) continue;
        if (notRelayable(event)) continue;
        for (const bridge of bridges) {
          const relay = this.messageRelay(bridge, appId, event, row, now);
          if (relay) relays.push(relay);
        }
      } else if (event.type === 'message.recalled') {
        if (await this.isRecallEcho(appId, event)) continue;
        for (const bridge of bridges) relays.push(...this.recallRelays(bridge, appId, event, row, now));
      }
    }
    return relays;
  }

  private messageRelay(
    bridge: BridgeEntity,
    appId: string,
    event: UnifiedEvent,
    row: EventEntity,
    now: string,
  ): RelayEntity | null {
    const targetAppId = relayTargetOf(bridge, appId);
    const kind = bridgeKindOf(event);
    if (!targetAppId || !kind) return null;
    // An Easemob `group` may be a chat room (the vendor does not say): carried if the bridge takes either.
    const carried =
      bridge.conversationKinds.includes(kind) ||
      (kind === 'group' && bridge.conversationKinds.includes('chatroom'));
    if (!carried) return null;
    return this.relayRow(bridge, appId, targetAppId, row, now, 'message', event.message!.id, {
      kind,
      conversationId: relayConversationId(kind, event),
    });
  }

  private recallRelays(
    bridge: BridgeEntity,
    appId: string,
    event: UnifiedEvent,
    row: EventEntity,
    now: string,
  ): RelayEntity[] {
    const targetAppId = relayTargetOf(bridge, appId);
    if (!targetAppId) return [];
    // Recalls are not ordered: the worker waits, if it must, for the message's own relay.
    return recalledMessageIds(event).map((id) =>
      this.relayRow(bridge, appId, targetAppId, row, now, 'recall', id, { kind: null, conversationId: null }),
    );
  }

  private relayRow(
    bridge: BridgeEntity,
    sourceAppId: string,
    targetAppId: string,
    event: EventEntity,
    now: string,
    action: RelayAction,
    sourceMessageId: string,
    conversation: { kind: string | null; conversationId: string | null },
  ): RelayEntity {
    return Object.assign(new RelayEntity(), {
      id: newId(),
      bridgeId: bridge.id,
      sourceAppId,
      targetAppId,
      originEventId: event.id,
      action,
      sourceMessageId,
      conversationKind: conversation.kind,
      conversationId: conversation.conversationId,
      status: 'pending',
      reason: null,
      attempts: 0,
      nextAttemptAt: now,
      occurredAt: event.occurredAt,
      createdAt: now,
      updatedAt: now,
    });
  }

  /**
   * A message that carries a relay marker is the copy a relay (or dual-send) made — if the marker checks out:
   * its relay exists, is of this bridge and this app, and, once finished, produced this very message id. A
   * client cannot stop its own message from being relayed by pasting a marker it saw on another one.
   */
  private async isEcho(appId: string, event: UnifiedEvent, bridges: BridgeEntity[]): Promise<boolean> {
    const marker = readRelayMarker(event.message?.ext);
    if (!marker || !bridges.some((b) => b.id === marker.bridgeId)) return false;
    if (!(await this.markerHolds(appId, marker, event.message!.id))) return false;
    // A dual-send's copy on the bridge's source side is the original of that message: no relay mark.
    if (marker.role !== 'origin') event.data.relay = this.origin(marker);
    return true;
  }

  private async markerHolds(appId: string, marker: RelayMarker, messageId: string): Promise<boolean> {
    const relay = await this.relays.find(marker.bridgeId, marker.relayId);
    if (!relay || (relay.targetAppId !== appId && relay.sourceAppId !== appId)) return false;
    if (relay.status === 'pending' || relay.status === 'relaying') return true;
    const produced = relay.targetMessageIds ?? [];
    return produced.includes(messageId) || relay.sourceMessageId === messageId;
  }

  private origin(marker: RelayMarker): RelayOrigin {
    return {
      bridgeId: marker.bridgeId,
      relayId: marker.relayId,
      originEventId: marker.originEventId,
      originProvider: marker.originProvider,
    };
  }

  /**
   * A recall is an echo when the relay itself made it: every message it names is a relayed pair whose recall
   * the gateway already relayed (marked before the vendor was asked, so the vendor's callback finds it).
   */
  private async isRecallEcho(appId: string, event: UnifiedEvent): Promise<boolean> {
    const ids = recalledMessageIds(event);
    if (ids.length === 0) return false;
    for (const id of ids) {
      const recall = await this.pairs.recallOf(appId, id);
      if (!recall) return false;
      event.data.relay ??= {
        bridgeId: recall.bridgeId,
        relayId: recall.relayId,
        originEventId: recall.originEventId,
        originProvider: recall.provider,
      } satisfies RelayOrigin;
    }
    return true;
  }
}
