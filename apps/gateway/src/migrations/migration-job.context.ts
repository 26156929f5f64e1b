import type { BridgeEntity, MigrationJobEntity } from '@im-gateway/persistence';
import type { VendorCallContext } from '@im-gateway/types';
import type { ResolvedApp } from '../tenancy/apps.service.js';

/** A job as its runner works on it: the row, its bridge, both apps with their providers and configs. */
export interface JobRun {
  job: MigrationJobEntity;
  bridge: BridgeEntity;
  source: ResolvedApp;
  target: ResolvedApp;
  /** A fresh vendor-call context for one page or batch, on the given app's budget. */
  context(app: ResolvedApp): VendorCallContext;
}

/** The migration API of a resolved app, which the job's plan made sure exists. */
export function migrationApiOf(app: ResolvedApp) {
  const api = app.provider.migration;
  if (!api) throw new Error(`${app.provider.displayName} has no migration API`);
  return api;
}
