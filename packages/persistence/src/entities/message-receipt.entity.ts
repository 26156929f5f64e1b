import { Entity, Index, PrimaryColumn } from 'typeorm';
import { RefColumn, StringColumn, TimeColumn } from './columns.js';

/**
 * That an app's message (or its recall) is stored, once: `messageKeysOf` in @im-gateway/types names the key.
 * A callback and a reconciliation run both insert it in the transaction that stores the event, and only the
 * one whose insert wins stores its event, so a message is recovered only when no callback brought it, a late
 * callback of a recovered message is a duplicate, and two runs never recover a message twice.
 */
@Entity({ name: 'message_receipts' })
@Index('idx_message_receipts_created', ['createdAt'])
export class MessageReceiptEntity {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 36 }) appId!: string;
  @PrimaryColumn({ name: 'message_key', type: 'varchar', length: 255 }) messageKey!: string;
  @RefColumn('event_id') eventId!: string;
  /** `callback` or `recovered`: how the event came in. */
  @StringColumn('origin', 16) origin!: 'callback' | 'recovered';
  @TimeColumn('created_at') createdAt!: string;
}
