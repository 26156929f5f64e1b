import { Injectable } from '@nestjs/common';
import { RelayedMessageRepository, RelayLogRepository, type EventEntity } from '@im-gateway/persistence';
import { readRelayMarker, type RelayMarker, type RelayOrigin, type UnifiedEvent } from '@im-gateway/types';
import { BridgeDirectory } from '../bridge-directory.js';
import { recalledMessageIds } from './relay-source.js';

/** What echo marking found out about one event a bridge caused. */
export interface EchoMark {
  /**
   * The relay that caused the event, stored as its `data.relay`; null for a dual-send's copy on the bridge's
   * source side, which is the original message to its receivers yet must not be relayed again.
   */
  origin: RelayOrigin | null;
}

/** The result of echo marking, read by the relay planner (relays no echo) and fan-out (`data.relay`). */
export interface MarkedEvents {
  /** The events to store; an echo with an origin is a copy carrying `data.relay`. Input rows are not changed. */
  events: EventEntity[];
  /** Event id → mark, for every echo. */
  echoes: ReadonlyMap<string, EchoMark>;
}

/** The facts echo marking needs from the relay tables. */
export interface EchoEvidence {
  /**
   * Whether a marker checks out: its relay exists, is of this bridge and this app, and, once finished,
   * produced this very message id.
   */
  markerHolds(appId: string, marker: RelayMarker, messageId: string): Promise<boolean>;
  /** The relay that already recalled message `messageId` of the app (either side of a pair), or null. */
  recallRelayOf(appId: string, messageId: string): Promise<RelayOrigin | null>;
}

const NOTHING_MARKED = new Map<string, EchoMark>();

/**
 * Which events of a callback a bridge caused. A `message.sent` is an echo when it carries a relay marker
 * that checks out — a client cannot stop its own message from being relayed by pasting a marker it saw on
 * another one. A `message.recalled` is an echo when every message it names is a relayed pair whose recall
 * the gateway already relayed (marked before the vendor was asked, so the vendor's callback finds it).
 */
export async function markEchoes(
  appId: string,
  bridgeIds: readonly string[],
  events: EventEntity[],
  evidence: EchoEvidence,
): Promise<MarkedEvents> {
  if (bridgeIds.length === 0) return { events, echoes: NOTHING_MARKED };
  const echoes = new Map<string, EchoMark>();
  const marked: EventEntity[] = [];
  for (const row of events) {
    const event = row.body;
    let mark: EchoMark | null = null;
    if (event.type === 'message.sent') mark = await messageEcho(appId, bridgeIds, event, evidence);
    else if (event.type === 'message.recalled') mark = await recallEcho(appId, event, evidence);
    if (mark) echoes.set(row.id, mark);
    marked.push(mark?.origin ? withRelay(row, event, mark.origin) : row);
  }
  return { events: marked, echoes };
}

async function messageEcho(
  appId: string,
  bridgeIds: readonly string[],
  event: UnifiedEvent,
  evidence: EchoEvidence,
): Promise<EchoMark | null> {
  const marker = readRelayMarker(event.message?.ext);
  const messageId = event.message?.id;
  if (!marker || !messageId || !bridgeIds.includes(marker.bridgeId)) return null;
  if (!(await evidence.markerHolds(appId, marker, messageId))) return null;
  if (marker.role === 'origin') return { origin: null };
  const { bridgeId, relayId, originEventId, originProvider } = marker;
  return { origin: { bridgeId, relayId, originEventId, originProvider } };
}

async function recallEcho(
  appId: string,
  event: UnifiedEvent,
  evidence: EchoEvidence,
): Promise<EchoMark | null> {
  const ids = recalledMessageIds(event);
  if (ids.length === 0) return null;
  let origin: RelayOrigin | null = null;
  for (const id of ids) {
    const relay = await evidence.recallRelayOf(appId, id);
    if (!relay) return null;
    origin ??= relay;
  }
  return { origin };
}

/** A copy of the row whose body carries `data.relay`. */
function withRelay(row: EventEntity, event: UnifiedEvent, origin: RelayOrigin): EventEntity {
  const body: UnifiedEvent = { ...event, data: { ...event.data, relay: origin } };
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as EventEntity, row, { body });
}

/**
 * The echo-marking step of ingest, run before the relay planner and fan-out: an app on no bridge costs one
 * cache lookup; otherwise the relay tables are asked about each marked message and each recall.
 */
@Injectable()
export class EchoMarker implements EchoEvidence {
  constructor(
    private readonly directory: BridgeDirectory,
    private readonly relays: RelayLogRepository,
    private readonly pairs: RelayedMessageRepository,
  ) {}

  async mark(appId: string, events: EventEntity[]): Promise<MarkedEvents> {
    const bridges = await this.directory.forApp(appId);
    return markEchoes(
      appId,
      bridges.map((b) => b.id),
      events,
      this,
    );
  }

  async markerHolds(appId: string, marker: RelayMarker, messageId: string): Promise<boolean> {
    const relay = await this.relays.find(marker.bridgeId, marker.relayId);
    if (!relay || (relay.targetAppId !== appId && relay.sourceAppId !== appId)) return false;
    if (relay.status === 'pending' || relay.status === 'relaying') return true;
    const produced = relay.targetMessageIds ?? [];
    return produced.includes(messageId) || relay.sourceMessageId === messageId;
  }

  async recallRelayOf(appId: string, messageId: string): Promise<RelayOrigin | null> {
    const recall = await this.pairs.recallOf(appId, messageId);
    if (!recall) return null;
    return {
      bridgeId: recall.bridgeId,
      relayId: recall.relayId,
      originEventId: recall.originEventId,
      originProvider: recall.provider,
    };
  }
}
