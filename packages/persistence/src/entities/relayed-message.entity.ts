import { Entity, Index } from 'typeorm';
import type { SendTargetType } from '@im-gateway/types';
import { IdColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/**
 * The message-id map: a message on one side of a bridge and the copy a relay (or a dual-send) made of it on
 * the other, with each side's sender and conversation so that either can be recalled. It is what tells an
 * echo (the copy coming back as a new event) from a new message, and where a recall finds its twin.
 */
@Entity({ name: 'relayed_messages' })
@Index('idx_relayed_messages_source', ['sourceAppId', 'sourceMessageId'])
@Index('idx_relayed_messages_target', ['targetAppId', 'targetMessageId'])
export class RelayedMessageEntity {
  @IdColumn() id!: string;
  @RefColumn('bridge_id') bridgeId!: string;
  @RefColumn('relay_id') relayId!: string;
  @RefColumn('source_app_id') sourceAppId!: string;
  @StringColumn('source_message_id', 200) sourceMessageId!: string;
  @StringColumn('source_from', 128) sourceFrom!: string;
  @StringColumn('source_to_type', 16) sourceToType!: SendTargetType;
  @StringColumn('source_to_id', 200) sourceToId!: string;
  @RefColumn('target_app_id') targetAppId!: string;
  @StringColumn('target_message_id', 200) targetMessageId!: string;
  @StringColumn('target_from', 128) targetFrom!: string;
  @StringColumn('target_to_type', 16) targetToType!: SendTargetType;
  @StringColumn('target_to_id', 200) targetToId!: string;
  /** Set when a recall was relayed for this pair, before the vendor is asked, so its echo is recognised. */
  @TimeColumn('recalled_at', { nullable: true }) recalledAt!: string | null;
  /** The relay that recalled it. */
  @RefColumn('recall_relay_id', { nullable: true }) recallRelayId!: string | null;
  @TimeColumn('created_at') createdAt!: string;
}
