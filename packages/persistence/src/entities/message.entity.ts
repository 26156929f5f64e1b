import { Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/** An outbound message sent through the unified send API, with one result per recipient. */
@Entity({ name: 'messages' })
@Index('idx_messages_app', ['appId', 'id'])
export class MessageEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @StringColumn('provider', 64) provider!: string;
  @StringColumn('status', 16) status!: string;
  @JsonColumn('request') request!: Record<string, unknown>;
  /** `[{ recipient, status: 'sent'|'failed', vendorMessageId?, error? }]` */
  @JsonColumn('results') results!: Record<string, unknown>[];
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('recalled_at', { nullable: true }) recalledAt!: string | null;
}
