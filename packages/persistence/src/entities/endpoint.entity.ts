import { Entity, Index } from 'typeorm';
import {
  BoolColumn,
  IdColumn,
  JsonColumn,
  RefColumn,
  StringColumn,
  TextColumn,
  TimeColumn,
} from './columns.js';

/** A webhook-out subscription of an app. Signing secrets are stored encrypted. */
@Entity({ name: 'endpoints' })
@Index('idx_endpoints_app', ['appId'])
export class EndpointEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @TextColumn('url') url!: string;
  @StringColumn('description', 500, { default: '' }) description!: string;
  /** Patterns such as `message.*`; empty means every type. */
  @JsonColumn('event_types') eventTypes!: string[];
  @BoolColumn('disabled') disabled!: boolean;
  @StringColumn('disabled_reason', 200, { nullable: true }) disabledReason!: string | null;
  @JsonColumn('headers') headers!: Record<string, string>;
  @StringColumn('ordering', 16, { default: 'none' }) ordering!: string;
  @BoolColumn('exclude_relayed') excludeRelayed!: boolean;
  @TextColumn('secret_encrypted') secretEncrypted!: string;
  @TextColumn('previous_secret_encrypted', { nullable: true }) previousSecretEncrypted!: string | null;
  @TimeColumn('previous_secret_expires_at', { nullable: true }) previousSecretExpiresAt!: string | null;
  @TimeColumn('failing_since', { nullable: true }) failingSince!: string | null;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
}
