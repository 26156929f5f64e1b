import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
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

  /**
   * `user` and `conversation` for many items at once: the lookups made in one tick go to the table in one
   * query per kind, and each id is looked up once per loader (a migration batch of a thousand members asks
   * for a thousand users: a query each was most of its per-item work). The loaders live as long as the caller
   * keeps them, one batch of work, so a table upload is seen by the next batch.
   */
  batched(bridge: BridgeEntity, side: BridgeSide): IdLookup {
    const loader = (kind: MappingKind) =>
      new DataLoader<string, string | null>(async (ids) => {
        const found = await this.mappings.mappedMany(bridge.id, kind, ids, side);
        return ids.map((id) => found.get(id) ?? null);
      });
    const users = loader('user');
    const conversations = { group: loader('group'), chatroom: loader('chatroom') };
    return {
      user: async (id) => (await users.load(id)) ?? mapUserIdByRule(bridge.userMapping, id, side),
      conversation: (kind, id) => conversations[kind].load(id),
    };
  }
}

/**
 * Ids across a bridge, as a batch of work asks for them: a user (the id table, then the bridge's rule) or a
 * group or chat room (the table only). Null when the id has no twin.
 */
export interface IdLookup {
  user(id: string): Promise<string | null>;
  conversation(kind: 'group' | 'chatroom', id: string): Promise<string | null>;
}
