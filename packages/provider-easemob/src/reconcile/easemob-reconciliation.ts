import type { ReconciliationApi } from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';
import { easemobRecoveredEvents } from './easemob-recovered.events.js';

/**
 * Easemob's reconciliation: recovered events from chat history export records (the read is
 * `migration.reader.history`). No `conversationHistory`: Easemob has no REST read of one conversation's
 * history (migration facts §2.13).
 */
export function createEasemobReconciliation(): ReconciliationApi<EasemobConfig> {
  return { recoveredEvents: easemobRecoveredEvents };
}
