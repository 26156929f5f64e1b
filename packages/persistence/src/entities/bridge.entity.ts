import { Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

export const BRIDGE_DIRECTIONS = ['one-way', 'both'] as const;
export type BridgeDirection = (typeof BRIDGE_DIRECTIONS)[number];

export const BRIDGE_KINDS = ['direct', 'group', 'chatroom'] as const;
export type BridgeKind = (typeof BRIDGE_KINDS)[number];

export const BRIDGE_STATUSES = ['active', 'paused'] as const;
export type BridgeStatus = (typeof BRIDGE_STATUSES)[number];

/** An id's form on one side of a bridge: `prefix` + core + `suffix`. */
export interface IdAffix {
  prefix: string;
  suffix: string;
}

/**
 * How user ids cross a bridge. `same`: unchanged; `affix`: the core of the id is kept and the side's prefix
 * and suffix swapped; `table`: only the uploaded table. Table rows win over `same` and `affix` either way.
 */
export type UserMappingRule =
  { type: 'same' } | { type: 'affix'; source: IdAffix; target: IdAffix } | { type: 'table' };

/** A link between two apps whose messages are relayed to each other (or one way) during a migration. */
@Entity({ name: 'bridges' })
@Index('idx_bridges_source', ['sourceAppId'])
@Index('idx_bridges_target', ['targetAppId'])
export class BridgeEntity {
  @IdColumn() id!: string;
  @StringColumn('name', 200) name!: string;
  @RefColumn('source_app_id') sourceAppId!: string;
  @RefColumn('target_app_id') targetAppId!: string;
  @StringColumn('direction', 16) direction!: BridgeDirection;
  @JsonColumn('conversation_kinds') conversationKinds!: BridgeKind[];
  @JsonColumn('user_mapping') userMapping!: UserMappingRule;
  @StringColumn('status', 16) status!: BridgeStatus;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
}
