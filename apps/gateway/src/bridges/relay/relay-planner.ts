import { Injectable } from '@nestjs/common';
import {
  EventRepository,
  newId,
  RelayEntity,
  type BridgeEntity,
  type EventEntity,
  type RelayAction,
} from '@im-gateway/persistence';
import type { UnifiedEvent } from '@im-gateway/types';
import { BridgeDirectory } from '../bridge-directory.js';
import type { MarkedEvents } from './echo-marker.js';
import { bridgeKindOf, notRelayable, recalledMessageIds, relayConversationId } from './relay-source.js';
import { currentTraceparent } from '../../tracing/spans.js';

/** The other app of a bridge that relays from `appId`, or null when the bridge carries nothing from it. */
export function relayTargetOf(bridge: BridgeEntity, appId: string): string | null {
  if (bridge.sourceAppId === appId) return bridge.targetAppId;
  if (bridge.targetAppId === appId && bridge.direction === 'both') return bridge.sourceAppId;
  return null;
}

/**
 * The bridge part of ingest after echo marking, run before the callback's transaction: which new messages
 * or recalls to relay (one relay row each, written in the same transaction as the event). Echoes are never
 * relayed back. Apps on no bridge cost one cache lookup. The events are read, never changed.
 */
@Injectable()
export class RelayPlanner {
  constructor(
    private readonly directory: BridgeDirectory,
    private readonly events: EventRepository,
  ) {}

  async plan(appId: string, marked: MarkedEvents, now: string): Promise<RelayEntity[]> {
    const bridges = await this.directory.forApp(appId);
    if (bridges.length === 0) return [];
    const relays: RelayEntity[] = [];
    for (const row of marked.events) {
      if (marked.echoes.has(row.id)) continue;
      const event = row.body;
      if (event.type === 'message.sent') {
        if (notRelayable(event)) continue;
        for (const bridge of bridges) {
          const relay = await this.messageRelay(bridge, appId, event, row, now);
          if (relay) relays.push(relay);
        }
      } else if (event.type === 'message.recalled') {
        for (const bridge of bridges) relays.push(...this.recallRelays(bridge, appId, event, row, now));
      }
    }
    return relays;
  }

  private async messageRelay(
    bridge: BridgeEntity,
    appId: string,
    event: UnifiedEvent,
    row: EventEntity,
    now: string,
  ): Promise<RelayEntity | null> {
    const targetAppId = relayTargetOf(bridge, appId);
    const kind = bridgeKindOf(event);
    if (!targetAppId || !kind) return null;
    // An Easemob `group` may be a chat room (the vendor does not say): carried if the bridge takes either.
    const carried =
      bridge.conversationKinds.includes(kind) ||
      (kind === 'group' && bridge.conversationKinds.includes('chatroom'));
    if (!carried) return null;
    if (
      kind === 'group' &&
      !bridge.conversationKinds.includes('chatroom') &&
      (await this.knownRoom(appId, event))
    )
      return null;
    return this.relayRow(bridge, appId, targetAppId, row, now, 'message', event.message!.id, {
      kind,
      conversationId: relayConversationId(kind, event),
    });
  }

  /**
   * Whether a `group` whose vendor did not say its group type (Easemob reports room messages as `groupchat`)
   * is a chat room the app's events named as one (a room's create or join event, a pre-send callback's
   * `chatroom`). On a bridge without chat rooms such a message is out of scope like any other uncarried
   * kind: no relay, rather than a relay left `unmapped` because the group table cannot hold a room.
   */
  private async knownRoom(appId: string, event: UnifiedEvent): Promise<boolean> {
    const id = event.conversation?.id;
    if (!id || typeof event.data.groupType === 'string') return false;
    return this.events.sawConversation(appId, 'chatroom', id);
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
      traceParent: currentTraceparent(),
    });
  }
}
