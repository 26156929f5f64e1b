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

/** A broker destination's settings as stored: strings and numbers by name. */
export type DestinationSettingsRow = Record<string, string | number | null>;

/** A webhook-out subscription of an app (an HTTP receiver or a broker). Signing secrets are stored encrypted. */
@Entity({ name: 'endpoints' })
@Index('idx_endpoints_app', ['appId'])
export class EndpointEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  /** `http`, `rabbitmq`, `nats` or `redis-stream`. */
  @StringColumn('type', 16, { default: 'http' }) type!: string;
  /** Where to deliver; for a broker URL with credentials, the URL with its password redacted. */
  @TextColumn('url') url!: string;
  /** The broker URL with its credentials, sealed; null when the URL carries none. */
  @TextColumn('url_encrypted', { nullable: true }) urlEncrypted!: string | null;
  /** The type's own settings (exchange and routing key, subject and stream, stream key and length). */
  @JsonColumn('destination', { nullable: true }) destination!: DestinationSettingsRow | null;
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
