import { Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

export const MAPPING_KINDS = ['user', 'group', 'chatroom'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

/** One row of a bridge's id table: a user, group or chat room id on the source side and its twin on the target. */
@Entity({ name: 'bridge_mappings' })
@Index('uq_bridge_mappings_source', ['bridgeId', 'kind', 'sourceId'], { unique: true })
@Index('uq_bridge_mappings_target', ['bridgeId', 'kind', 'targetId'], { unique: true })
export class BridgeMappingEntity {
  @IdColumn() id!: string;
  @RefColumn('bridge_id') bridgeId!: string;
  @StringColumn('kind', 16) kind!: MappingKind;
  @StringColumn('source_id', 128) sourceId!: string;
  @StringColumn('target_id', 128) targetId!: string;
  @TimeColumn('created_at') createdAt!: string;
}
