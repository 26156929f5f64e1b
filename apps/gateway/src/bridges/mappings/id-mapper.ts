import { Injectable } from '@nestjs/common';
import { MappingRepository, type BridgeEntity, type MappingKind } from '@im-gateway/persistence';
import { mapUserIdByRule, type BridgeSide } from './user-id.rule.js';

/** Ids across a bridge: the uploaded tables first, then (users only) the bridge's rule. */
@Injectable()
export class IdMapper {
  constructor(private readonly mappings: MappingRepository) {}

  async user(bridge: BridgeEntity, id: string, side: BridgeSide): Promise<string | null> {
    return (
      (await this.fromTable(bridge.id, 'user', id, side)) ?? mapUserIdByRule(bridge.userMapping, id, side)
    );
  }

  /** A group or chat room: only the table maps them (vendors assign these ids; no rule can derive one). */
  conversation(
    bridge: BridgeEntity,
    kind: 'group' | 'chatroom',
    id: string,
    side: BridgeSide,
  ): Promise<string | null> {
    return this.fromTable(bridge.id, kind, id, side);
  }

  private fromTable(
    bridgeId: string,
    kind: MappingKind,
    id: string,
    side: BridgeSide,
  ): Promise<string | null> {
    return this.mappings.mapped(bridgeId, kind, id, side);
  }
}
