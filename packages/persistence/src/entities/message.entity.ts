import { Entity, Index } from 'typeorm';
import type { RecipientResult, SendRequest } from '@im-gateway/types';
import { IdColumn, JsonColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/** An outbound message sent through the unified send API, with one result per recipient. */
@Entity({ name: 'messages' })
@Index('idx_messages_app', ['appId', 'id'])
export class MessageEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @StringColumn('provider', 64) provider!: string;
  @StringColumn('status', 16) status!: string;
  /** The request as it was sent to the vendor. */
  @JsonColumn('request') request!: SendRequest;
  /** One result per recipient, in the request's order. */
  @JsonColumn('results') results!: RecipientResult[];
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('recalled_at', { nullable: true }) recalledAt!: string | null;
}
