import { isRecord, markRecovered, readId, readNumber } from '@im-gateway/provider-kit/callback';
import {
  CallbackRejectedError,
  type HistoryMessage,
  type ReconcileSource,
  type UnifiedEventDraft,
} from '@im-gateway/types';
import { normalizeTencentCallback } from '../callback/tencent-callback.normalizer.js';
import type { TencentCallbackContext } from '../callback/tencent-callback.types.js';

/**
 * What an event rebuilt from history lacks, by event type, as paths into the event: what only the callback
 * request says. Everything else is what the callback would have given, since its own normalizer makes it.
 * - Every callback: the sender's `ClientIP` and `OptPlatform` (query parameters, §1.1).
 * - `message.sent`: the delivery outcome of a C2C after-send (`SendMsgResult`, `ErrorInfo`,
 *   `UnreadMsgNum`); a message in history was sent, so `data.ok` stays true. `MsgId`, `OnlineOnlyFlag`
 *   (online-only messages are not stored at all), and of group sends the group `Type`, `Operator_Account`,
 *   `Random` (no hourly-file group record has it, §1.19) and `GroupAtInfo` (the mentions): no history
 *   record carries them (§1.17–§1.19).
 * - `message.recalled`: history marks a message recalled (§1.17 `MsgFlagBits` 8, §1.18 `IsPlaceMsg` 2) but
 *   not who recalled it (`Operator_Account`), the unread count or the group type. Nor when: a recovered
 *   recall's `occurredAt` is the send time, the earliest the recall can have been.
 */
export const CALLBACK_ONLY_FIELDS: Readonly<Record<'message.sent' | 'message.recalled', readonly string[]>> =
  {
    'message.sent': [
      'data.clientIp',
      'data.optPlatform',
      'data.sendMsgResult',
      'data.errorInfo',
      'data.unreadMsgNum',
      'data.msgId',
      'data.groupType',
      'data.operator',
      'data.random',
      'message.onlineOnly',
      'message.mentions',
    ],
    'message.recalled': ['actor', 'data.clientIp', 'data.optPlatform', 'data.unreadMsgNum', 'data.groupType'],
  };

const unreadable = (why: string) =>
  new CallbackRejectedError('callback_malformed', `Tencent history record: ${why}`);

/** A record's time in seconds: `MsgTimestamp` in the hourly files (§1.19), `MsgTimeStamp` in the REST reads. */
const secondsOf = (record: Record<string, unknown>) => readNumber(record.MsgTimestamp ?? record.MsgTimeStamp);

/**
 * The body of `C2C.CallbackAfterSendMsg` (seed 004) for a one-to-one record of a file (§1.19) or of
 * `admin_getroammsg` (§1.17). The MsgKey is the record's own when it has one (roaming), else the
 * `{MsgSeq}_{MsgRandom}_{MsgTimeStamp}` every example shows it to be.
 */
export function tencentC2cAfterSendBody(record: Record<string, unknown>): Record<string, unknown> {
  const time = secondsOf(record);
  const key = readId(record.MsgKey) ?? `${String(record.MsgSeq)}_${String(record.MsgRandom)}_${String(time)}`;
  return {
    CallbackCommand: 'C2C.CallbackAfterSendMsg',
    From_Account: record.From_Account,
    To_Account: record.To_Account,
    MsgSeq: record.MsgSeq,
    MsgRandom: record.MsgRandom,
    MsgTime: time,
    MsgKey: key,
    MsgBody: record.MsgBody,
    ...(record.CloudCustomData === undefined ? {} : { CloudCustomData: record.CloudCustomData }),
  };
}

/**
 * The body of `Group.CallbackAfterSendMsg` (seed 002) for a group record of a file (§1.19, with `GroupId`)
 * or of `group_msg_get_simple` (§1.18, without: `groupId` is the group the read was for).
 */
export function tencentGroupAfterSendBody(
  record: Record<string, unknown>,
  groupId: string,
): Record<string, unknown> {
  return {
    CallbackCommand: 'Group.CallbackAfterSendMsg',
    GroupId: record.GroupId ?? groupId,
    From_Account: record.From_Account,
    MsgSeq: record.MsgSeq,
    MsgTime: secondsOf(record),
    MsgBody: record.MsgBody,
    ...(record.CloudCustomData === undefined ? {} : { CloudCustomData: record.CloudCustomData }),
  };
}

/** The recall callback of the same message: `C2C.CallbackAfterMsgWithDraw` or `Group.CallbackAfterRecallMsg`. */
function recallBody(post: Record<string, unknown>): Record<string, unknown> {
  if (post.CallbackCommand === 'C2C.CallbackAfterSendMsg')
    return {
      CallbackCommand: 'C2C.CallbackAfterMsgWithDraw',
      From_Account: post.From_Account,
      To_Account: post.To_Account,
      MsgKey: post.MsgKey,
    };
  return {
    CallbackCommand: 'Group.CallbackAfterRecallMsg',
    GroupId: post.GroupId,
    MsgSeqList: [{ MsgSeq: post.MsgSeq }],
  };
}

/** Normalized with the clock at the send time, so a body without a time of its own takes that. */
function normalized(body: Record<string, unknown>, sentAt: number): UnifiedEventDraft[] {
  const context: TencentCallbackContext = { appId: '', config: { sdkAppId: 0 }, now: new Date(sentAt) };
  const query = { CallbackCommand: String(body.CallbackCommand) };
  return normalizeTencentCallback({ body, rawBody: JSON.stringify(body), query, headers: {} }, context)
    .events;
}

/**
 * The events Tencent's callbacks would have produced for a history message: the after-send `message.sent`
 * and, when `message.recalled`, the recall's `message.recalled`. Built by the callback normalizer from the
 * callback body rebuilt out of `message.raw` (a file record, an `admin_getroammsg` record, or a
 * `group_msg_get_simple` record, whose group is `message.conversation.id`), minus CALLBACK_ONLY_FIELDS,
 * with `raw` = the record, `dedupeKey` = `recovered:<type>:<messageId>` and `data.recovered`. Pure.
 * `occurredAt` is the record's time, to the second: a callback's EventTime has milliseconds.
 * Throws `CallbackRejectedError` for a record that names no message (no raw record, sender, receiver,
 * MsgSeq or time): the gateway counts it unreadable with that message as the reason.
 */
export function tencentRecoveredEvents(
  message: HistoryMessage,
  recovered: { source: ReconcileSource },
): UnifiedEventDraft[] {
  if (!isRecord(message.raw)) throw unreadable('the history message carries no record');
  const record = message.raw;
  const seconds = secondsOf(record);
  if (
    seconds === undefined ||
    readId(record.MsgSeq) === undefined ||
    readId(record.From_Account) === undefined
  )
    throw unreadable('From_Account, MsgSeq and the message time are required');
  const direct = message.conversation.type === 'direct';
  if (
    direct &&
    (readId(record.To_Account) === undefined || readId(record.MsgRandom ?? record.MsgKey) === undefined)
  )
    throw unreadable('a one-to-one record needs To_Account and MsgRandom or MsgKey');
  const post = direct
    ? tencentC2cAfterSendBody(record)
    : tencentGroupAfterSendBody(record, message.conversation.id);
  const sentAt = seconds * 1000;
  const drafts = normalized(post, sentAt);
  if (message.recalled) drafts.push(...normalized(recallBody(post), sentAt));
  const id = drafts[0]?.message?.id ?? message.messageId;
  return markRecovered(drafts, {
    messageId: id,
    record,
    source: recovered.source,
    callbackOnly: CALLBACK_ONLY_FIELDS,
  });
}
