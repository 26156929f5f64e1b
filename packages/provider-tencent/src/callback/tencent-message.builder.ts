import type { UnifiedMessage } from '@im-gateway/types';
import { hashJson, readNumber } from '@im-gateway/provider-kit/callback';
import { compact, idOf, msgTimeIso } from './tencent-callback.fields.js';
import { tencentMentions, tencentMessageExt, tencentMsgBodyContents } from './tencent-msg-body.normalizer.js';

/**
 * The id of a one-to-one message: `MsgKey` (the vendor's unique id, usable with admin_msgwithdraw). Bodies
 * from before MsgKey existed (2019 C2C after-send, §1.6) get `From_To_MsgSeq_MsgRandom_MsgTime`: the fields
 * Tencent itself uses to tell 1:1 messages apart (sender + MsgSeq + MsgRandom, ordered by MsgTime, §4.2).
 */
export function c2cMessageId(body: Record<string, unknown>): string {
  const msgKey = idOf(body, 'MsgKey');
  if (msgKey !== undefined) return msgKey;
  const parts = ['MsgSeq', 'MsgRandom', 'MsgTime'].map((k) => idOf(body, k));
  if (parts.every((p) => p === undefined)) return `c2c:${hashJson(body)}`;
  return [idOf(body, 'From_Account'), idOf(body, 'To_Account'), ...parts].map((p) => p ?? '').join('_');
}

/**
 * The id of a group message: `GroupId:MsgSeq` (MsgSeq is the message's identity within the group, seed 002).
 * In a Community topic the topic id (which embeds the group id) replaces the group id, as topics keep their
 * own sequence. Before-send has no MsgSeq yet: the request's `Random` stands in (provisional id).
 */
export function groupMessageId(body: Record<string, unknown>): string | undefined {
  const container = idOf(body, 'TopicId') ?? idOf(body, 'GroupId');
  if (container === undefined) return undefined;
  const seq = idOf(body, 'MsgSeq');
  if (seq !== undefined) return `${container}:${seq}`;
  const random = idOf(body, 'Random');
  return random !== undefined ? `${container}:random-${random}` : `${container}:${hashJson(body)}`;
}

/** A 1:1 message, or undefined when the body names no sender or receiver. */
export function c2cMessage(body: Record<string, unknown>, fallbackTime: string): UnifiedMessage | undefined {
  const from = idOf(body, 'From_Account');
  const to = idOf(body, 'To_Account');
  if (from === undefined || to === undefined) return undefined;
  return commonMessage(body, { id: c2cMessageId(body), from, to }, fallbackTime);
}

/** A group (or topic) message, or undefined when the body names no sender or group. */
export function groupMessage(
  body: Record<string, unknown>,
  fallbackTime: string,
): UnifiedMessage | undefined {
  const from = idOf(body, 'From_Account');
  const to = idOf(body, 'GroupId');
  const id = groupMessageId(body);
  if (from === undefined || to === undefined || id === undefined) return undefined;
  const message = commonMessage(body, { id, from, to }, fallbackTime);
  return compact({ ...message, mentions: tencentMentions(body.GroupAtInfo), topicId: idOf(body, 'TopicId') });
}

/** Sender and receiver of an official-account broadcast: the account itself (its subscribers receive it). */
export function officialAccountMessage(
  body: Record<string, unknown>,
  fallbackTime: string,
): UnifiedMessage | undefined {
  const account = idOf(body, 'Official_Account');
  if (account === undefined) return undefined;
  const id = idOf(body, 'MsgKey') ?? `${account}:${hashJson(body)}`;
  return commonMessage(body, { id, from: idOf(body, 'From_Account') ?? account, to: account }, fallbackTime);
}

function commonMessage(
  body: Record<string, unknown>,
  who: { id: string; from: string; to: string },
  fallbackTime: string,
): UnifiedMessage {
  const onlineOnly = readNumber(body.OnlineOnlyFlag);
  return compact({
    ...who,
    // MsgTime is the server's send time (s); the before-send of groups has none, so the event time stands in.
    sentAt: msgTimeIso(body) ?? fallbackTime,
    contents: tencentMsgBodyContents(body.MsgBody),
    ext: tencentMessageExt(body.CloudCustomData),
    onlineOnly: onlineOnly === undefined ? undefined : onlineOnly === 1,
  });
}
