import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, JsonColumn, StringColumn, TextColumn, TimeColumn } from './columns.js';

/** What an app's before-policy stores besides the decision endpoint's secret. */
export interface StoredBeforePolicy {
  /** Ordered rules, as the API accepts them (the gateway's `BeforeRule`); the first that matches decides. */
  rules: object[];
  /** Where to ask when no rule matches; the secret is in `secretEncrypted`, never here. */
  decisionEndpoint: { url: string; timeoutMs: number } | null;
  /** The wait set in the vendor's console, when not the vendor's default; absent: the default. */
  vendorWaitMs?: number;
}

/** An app's answer to its vendor's before-callbacks: one row per app, absent when the app has none. */
@Entity({ name: 'before_policies' })
export class BeforePolicyEntity {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 36 }) appId!: string;
  @JsonColumn('policy') policy!: StoredBeforePolicy;
  @StringColumn('on_error', 8) onError!: 'allow' | 'deny';
  /** The decision endpoint's signing secret, sealed (AES-256-GCM, bound to the app); null: no endpoint. */
  @TextColumn('secret_encrypted', { nullable: true }) secretEncrypted!: string | null;
  /** Raised by every write: replicas compare it to know their cached copy is stale. */
  @IntColumn('version') version!: number;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
}
