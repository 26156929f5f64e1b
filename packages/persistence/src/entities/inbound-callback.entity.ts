import { Entity, Index } from 'typeorm';
import {
  IdColumn,
  IntColumn,
  JsonColumn,
  RefColumn,
  StringColumn,
  TextColumn,
  TimeColumn,
} from './columns.js';

/** A vendor callback the gateway accepted, byte for byte, with the parts of the request that matter. */
@Entity({ name: 'inbound_callbacks' })
@Index('uq_inbound_callbacks_dedupe', ['appId', 'dedupeKey'], { unique: true })
export class InboundCallbackEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @StringColumn('provider', 64) provider!: string;
  @StringColumn('dedupe_key', 255) dedupeKey!: string;
  /** The vendor's own name for the callback kind (`chat:txt`, `Group.CallbackAfterSendMsg`). */
  @StringColumn('vendor_kind', 128) vendorKind!: string;
  @StringColumn('verdict', 16) verdict!: string;
  @TextColumn('raw_body') rawBody!: string;
  @JsonColumn('query') query!: Record<string, string | string[]>;
  @JsonColumn('headers') headers!: Record<string, string | string[]>;
  @IntColumn('event_count') eventCount!: number;
  @TimeColumn('received_at') receivedAt!: string;
}
