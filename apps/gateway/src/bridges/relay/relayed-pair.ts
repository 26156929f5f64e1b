import { newId, nowIso, RelayedMessageEntity } from '@im-gateway/persistence';
import type { SendTargetType } from '@im-gateway/types';

/** One side of a relayed message: its app, vendor id, sender and conversation (what a recall needs). */
export interface PairSide {
  appId: string;
  messageId: string;
  from: string;
  toType: SendTargetType;
  toId: string;
}

/** A row of the message-id map: a message on one side of a bridge and the copy made of it on the other. */
export function relayedPair(
  bridgeId: string,
  relayId: string,
  source: PairSide,
  target: PairSide,
  createdAt: string = nowIso(),
): RelayedMessageEntity {
  return Object.assign(new RelayedMessageEntity(), {
    id: newId(),
    bridgeId,
    relayId,
    sourceAppId: source.appId,
    sourceMessageId: source.messageId,
    sourceFrom: source.from,
    sourceToType: source.toType,
    sourceToId: source.toId,
    targetAppId: target.appId,
    targetMessageId: target.messageId,
    targetFrom: target.from,
    targetToType: target.toType,
    targetToId: target.toId,
    recalledAt: null,
    recallRelayId: null,
    createdAt,
  });
}
