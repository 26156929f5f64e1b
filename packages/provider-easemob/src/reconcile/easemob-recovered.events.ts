import { isRecord, markRecovered, readId, readNumber } from '@im-gateway/provider-kit/callback';
import {
  CallbackRejectedError,
  type CallbackContext,
  type HistoryMessage,
  type ReconcileSource,
  type UnifiedEventDraft,
} from '@im-gateway/types';
import { normalizeEasemobCallback } from '../callback/easemob-callback.normalizer.js';
import type { EasemobConfig } from '../easemob.config.js';

/**
 * What an event rebuilt from the export lacks, by event type, as paths into the event. Everything else is
 * what the callback would have given, since the callback's own normalizer makes it.
 * - `message.sent`: the callback may name users by their decorated JID (`{appkey}_{user}@easemob.com/{device}`,
 *   kept as `data.fromResource` / `data.toResource`); the export names them plainly (§2.11 `payload.from/to`).
 * - `message.recalled`: the export says only that a message is gone, not who recalled it (the recall
 *   callback's `from`) or the id of the recall itself (its `msg_id`). Nor when: a recovered recall's
 *   `occurredAt` is the send time, the earliest the recall can have been.
 * The callback's `callId`, `security`, `host` and `appkey` reach no event field: they are the callback's
 * `dedupeKey` and `raw`, which a recovered event replaces.
 */
export const CALLBACK_ONLY_FIELDS: Readonly<Record<'message.sent' | 'message.recalled', readonly string[]>> =
  {
    'message.sent': ['data.fromResource', 'data.toResource'],
    'message.recalled': ['actor', 'data.eventMessageId', 'data.fromResource', 'data.toResource'],
  };

/**
 * The post-send callback only carries `chat` and `groupchat`: "groupchat covers groups AND chatrooms"
 * (easemob.md §4.3), while the export says `chatroom` (§2.11). A room message recovered as `chatroom`
 * would differ from the live one.
 */
const CALLBACK_CHAT_TYPE: Readonly<Record<string, string>> = {
  chat: 'chat',
  groupchat: 'groupchat',
  chatroom: 'groupchat',
};

/** The normalizer reads the config only to strip the app's own key from decorated ids; exports have none. */
const CONTEXT_CONFIG: EasemobConfig = { orgName: '', appName: '', clientId: '', clientSecret: '' };

const unreadable = (why: string) =>
  new CallbackRejectedError('callback_malformed', `Easemob export record: ${why}`);

/**
 * The body of the post-send callback (`eventType: chat`, easemob.md §4.3) Easemob would have sent for the
 * message of this export record: the record's own fields under the callback's names.
 */
export function easemobPostSendBody(record: Record<string, unknown>): Record<string, unknown> {
  const payload = isRecord(record.payload) ? record.payload : {};
  // §2.11: the payload's from / to are the sender and receiver; the 2023 layout used the top level.
  const from = payload.from ?? record.from;
  const to = payload.to ?? record.to;
  const chatType = CALLBACK_CHAT_TYPE[String(record.chat_type)];
  if (chatType === undefined) throw unreadable(`chat_type ${JSON.stringify(record.chat_type)} is no message`);
  return {
    eventType: 'chat',
    timestamp: record.timestamp,
    chat_type: chatType,
    ...(chatType === 'chat' ? {} : { group_id: to }),
    from,
    to,
    msg_id: record.msg_id,
    payload: { ...(payload.ext === undefined ? {} : { ext: payload.ext }), bodies: payload.bodies ?? [] },
  };
}

/**
 * The recall callback (`chat_type: recall`, seed 000 §消息撤回) of the message, as far as the export knows
 * it: the sender as the one who recalled, at the send time, without the recall's own `msg_id`.
 */
function recallBody(post: Record<string, unknown>): Record<string, unknown> {
  return {
    eventType: 'chat',
    timestamp: post.timestamp,
    chat_type: 'recall',
    ...(post.group_id === undefined ? {} : { group_id: post.group_id }),
    from: post.from,
    to: post.to,
    recall_id: post.msg_id,
    payload: { ext: {}, ack_message_id: post.msg_id, bodies: [] },
  };
}

function normalized(body: Record<string, unknown>, sentAt: number): UnifiedEventDraft[] {
  const context: CallbackContext<EasemobConfig> = {
    appId: '',
    config: CONTEXT_CONFIG,
    now: new Date(sentAt),
  };
  return normalizeEasemobCallback({ body, rawBody: JSON.stringify(body), query: {}, headers: {} }, context)
    .events;
}

/**
 * The events Easemob's callbacks would have produced for a message of the chat history export: the
 * post-send `message.sent` and, when `message.recalled`, the recall's `message.recalled`. Built by the
 * callback normalizer from the callback body rebuilt out of `message.raw`, minus CALLBACK_ONLY_FIELDS,
 * with `raw` = the record, `dedupeKey` = `recovered:<type>:<messageId>` and `data.recovered`. Pure.
 * Throws `CallbackRejectedError` for a record that names no message (no raw record, no `msg_id`, sender,
 * receiver or message chat type): the gateway counts it unreadable with that message as the reason.
 */
export function easemobRecoveredEvents(
  message: HistoryMessage,
  recovered: { source: ReconcileSource },
): UnifiedEventDraft[] {
  if (!isRecord(message.raw)) throw unreadable('the history message carries no record');
  const record = message.raw;
  const post = easemobPostSendBody(record);
  const sentAt = readNumber(record.timestamp) ?? message.sentAt;
  const sent = normalized(post, sentAt);
  const first = sent[0];
  if (sent.length !== 1 || first?.type !== 'message.sent')
    throw unreadable(`it names no sent message (missing: ${String(first?.data['missing'] ?? '?')})`);
  const drafts = [first];
  if (message.recalled) drafts.push(...normalized(recallBody(post), sentAt));
  const id = readId(record.msg_id) ?? message.messageId;
  return markRecovered(drafts, {
    messageId: id,
    record,
    source: recovered.source,
    callbackOnly: CALLBACK_ONLY_FIELDS,
  });
}
