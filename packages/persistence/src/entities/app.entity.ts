import { Entity } from 'typeorm';
import { BoolColumn, IdColumn, JsonColumn, StringColumn, TextColumn, TimeColumn } from './columns.js';

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
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
}
