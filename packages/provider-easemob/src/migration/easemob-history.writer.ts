import {
  VendorRequestError,
  type HistoryMessage,
  type MigrationItemResult,
  type VendorCallContext,
} from '@im-gateway/types';
import { failedItem } from '@im-gateway/provider-kit';
import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import type { EasemobRestClient } from '../rest/easemob-rest.client.js';
import { EASEMOB_MIGRATION_APIS as API } from './easemob-migration.apis.js';
import { toEasemobImport } from './easemob-history.mapper.js';

/**
 * Easemob refuses an import whose `msg_timestamp` is not newer than the last message imported into the
 * conversation (§2.9). Jobs import oldest first and the timestamp is chosen from the source message alone,
 * so on a re-run that refusal means the message went in before: it answers `exists`, never a duplicate.
 */
const NOT_NEWER = /greater than the last/i;
/** A group message older than the group on Easemob, which cannot be backdated (§2.10). */
const BEFORE_GROUP = /creation time/i;

/** Imports history one message per call (migration facts §2.9, §2.10). */
export class EasemobHistoryWriter {
  constructor(private readonly client: EasemobRestClient) {}

  async importHistory(
    messages: readonly HistoryMessage[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]> {
    const out: MigrationItemResult[] = [];
    for (const message of messages) out.push(await this.importOne(message, ctx));
    return out;
  }

  private async importOne(message: HistoryMessage, ctx: VendorCallContext): Promise<MigrationItemResult> {
    const key = message.messageId;
    const request = toEasemobImport(message);
    if (!request.ok) return { key, status: 'skipped', reason: request.reason };
    const api = request.kind === 'users' ? API.importUsers : API.importGroups;
    try {
      const answer = await ctx.call(api, 1, (timeoutMs) =>
        this.client.post(`/messages/${request.kind}/import`, request.body, timeoutMs),
      );
      const id = isRecord(answer.body.data) ? readString(answer.body.data.msg_id) : undefined;
      return { key, status: 'done', ...(id ? { targetId: id } : {}) };
    } catch (error) {
      if (error instanceof VendorRequestError && error.code === 'vendor_rejected') {
        if (NOT_NEWER.test(error.message)) return { key, status: 'exists' };
        if (BEFORE_GROUP.test(error.message))
          return {
            key,
            status: 'skipped',
            reason:
              'Older than the group on Easemob: Easemob sets a group creation time of its own and takes no group message before it.',
          };
      }
      return failedItem(key, error);
    }
  }
}
