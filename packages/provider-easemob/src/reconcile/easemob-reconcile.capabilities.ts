import type { ReconcileCapabilities } from '@im-gateway/types';

/**
 * Easemob history for reconciliation: the hourly chat history export only (migration facts §2.11). There is
 * no REST read of one conversation's history (§2.13: roaming reads exist only in the SDKs), so no
 * `conversations` source.
 */
export const EASEMOB_RECONCILE_CAPABILITIES: ReconcileCapabilities = {
  sources: ['export'],
  // §2.11: "Only the last 3 days are available" (Easemob business can raise that, not the app).
  windowDays: 3,
  // §2.11: "When traffic is high the file takes time to build: retrieve it after 24 hours".
  exportDelayMinutes: 24 * 60,
  // One hour's file per call at 10 calls a minute (§2.11): an hourly run reads one new hour.
  everyMinutes: 60,
};
