import { Entity } from 'typeorm';
import { BoolColumn, IdColumn, JsonColumn, StringColumn, TextColumn, TimeColumn } from './columns.js';

/** Per-app settings that override the gateway's defaults. */
export interface AppSettings {
  /** Days each kind of row is kept (`retention` kinds: events, callbacks, attempts, relays, messages); 0 keeps it. */
  retention?: Partial<Record<'events' | 'callbacks' | 'attempts' | 'relays' | 'messages', number>>;
  /** Scheduled reconciliation (docs/reconciliation.md); absent fields take the provider's defaults. */
  reconcile?: { enabled: boolean; everyMinutes?: number; delayMinutes?: number };
}

/** A tenant: one vendor account. Credentials live only in `secretsEncrypted` (AES-256-GCM). */
@Entity({ name: 'apps' })
export class AppEntity {
  @IdColumn() id!: string;
  @StringColumn('name', 200) name!: string;
  @StringColumn('provider', 64) provider!: string;
  /** The provider config without its secret fields. */
  @JsonColumn('config') config!: Record<string, unknown>;
  /** The secret fields of the provider config, encrypted with the master key. */
  @TextColumn('secrets_encrypted') secretsEncrypted!: string;
  @BoolColumn('disabled') disabled!: boolean;
  /** Overrides of the gateway's defaults for this app; null: none. */
  @JsonColumn('settings', { nullable: true }) settings!: AppSettings | null;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
}
