import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import { compact, detailsOf, eventTimeIso, groupConversation, idOf } from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';

/** Value-added service callbacks: cloud moderation (ContentCallback.*) and push results (Push.*). */

/**
 * ContentCallback.ResultNotify: a moderation verdict. Its body has no CallbackCommand (§1.1) and the verdict
 * fields have no common home, so they go to `data.details`.
 */
export function normalizeModerationResult(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  return [
    compact({
      type: 'message.moderated' as const,
      conversation: groupConversation(body),
      actor: idOf(body, 'From_Account'),
      data: { details: detailsOf(body) },
    }),
  ];
}

/**
 * Push.OfflinePush / Push.AllMemberPush: 1–100 push results batched into `Events[]`, each with its own
 * CallbackCommand (§1.1, S-push). Each element is an independent vendor event, so each becomes its own `message.push.completed`
 * (the callback's dedupe key gets `#n`). An empty or missing batch still yields one event.
 */
export function normalizePushResults(input: TencentCallbackInput): TencentEventPart[] {
  const items = Array.isArray(input.body.Events) ? input.body.Events : [];
  if (items.length === 0) return [{ type: 'message.push.completed', data: { results: [] } }];
  return items.map((item) => {
    const record = isRecord(item) ? item : {};
    const user = idOf(record, 'To_Account');
    return compact({
      type: 'message.push.completed' as const,
      // Push results carry EventTime in seconds (S-push); eventTimeIso reads either unit.
      occurredAt: eventTimeIso(record),
      actor: idOf(record, 'From_Account'),
      subjects: user === undefined ? undefined : [user],
      data: compact({ pushCommand: readString(record.CallbackCommand), result: item }),
    });
  });
}
