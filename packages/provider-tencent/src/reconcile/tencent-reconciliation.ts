import type { ReconciliationApi } from '@im-gateway/types';
import type { TencentRestClient } from '../rest/tencent-rest.client.js';
import type { TencentConfig } from '../tencent.config.js';
import { tencentCaller } from '../migration/tencent-migration.calls.js';
import { readTencentConversation } from './tencent-conversation.reader.js';
import { tencentRecoveredEvents } from './tencent-recovered.events.js';

/**
 * Tencent's reconciliation over the app's REST client: recovered events from any history record, and the
 * per-conversation reads (the whole-app read is `migration.reader.history`, the hourly files).
 */
export function createTencentReconciliation(
  clientFor: (config: TencentConfig) => TencentRestClient,
): ReconciliationApi<TencentConfig> {
  return {
    recoveredEvents: tencentRecoveredEvents,
    conversationHistory: (config, conversation, window, cursor, ctx) =>
      readTencentConversation(tencentCaller(clientFor(config), ctx), conversation, window, cursor),
  };
}
