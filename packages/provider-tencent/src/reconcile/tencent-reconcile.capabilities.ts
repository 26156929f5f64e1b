import type { ReconcileCapabilities } from '@im-gateway/types';

/**
 * Tencent history for reconciliation: the hourly message log files (complete, late) and the per-conversation
 * roaming reads (at once, but only for conversations the gateway knows). Migration facts §1.17–§1.19, §1.21.
 */
export const TENCENT_RECONCILE_CAPABILITIES: ReconcileCapabilities = {
  sources: ['export', 'conversations'],
  // §1.19: files of the last 7 days; §1.17 / §1.21: roaming is kept 7 days by default (30 on flagship, paid).
  windowDays: 7,
  // §1.19: the 00:00–00:59 file "starts processing after 01:00 and is usually done within an hour"; busier
  // apps take longer, so two hours after the hour ends.
  exportDelayMinutes: 120,
  // One file per hour and chat type: an hourly run reads one new hour.
  everyMinutes: 60,
};
