import { readId, readNumber, readString } from '@im-gateway/provider-kit/callback';
import {
  accountsOf,
  compact,
  groupConversation,
  groupData,
  idOf,
  numberOf,
  recordsOf,
} from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';
import { extensionData } from './tencent-c2c.normalizer.js';
import { groupMessage } from './tencent-message.builder.js';

/** Group message callbacks: send, failures, recalls, read receipts, extensions, bot mentions. §2, §2.1. */

function messageEvent(
  input: TencentCallbackInput,
  type: TencentEventPart['type'],
  data: Record<string, unknown>,
): TencentEventPart {
  const { body } = input;
  return compact({
    type,
    conversation: groupConversation(body),
    actor: idOf(body, 'From_Account'),
    message: groupMessage(body, input.occurredAt),
    data: compact({
      ...groupData(body),
      // Operator_Account tells an admin or REST send apart from the sender's own (§2.1).
      operator: idOf(body, 'Operator_Account'),
      random: numberOf(body, 'Random'),
      msgId: idOf(body, 'MsgId'),
      ...data,
    }),
  });
}

/** Group.CallbackBeforeSendMsg: no MsgSeq yet; the message id is provisional (see groupMessageId). */
export function normalizeGroupBeforeSend(input: TencentCallbackInput): TencentEventPart[] {
  return [messageEvent(input, 'message.send.requested', {})];
}

/** Group.CallbackAfterSendMsg fires after a successful send only (seed 002: 群组消息发送成功之后). */
export function normalizeGroupAfterSend(input: TencentCallbackInput): TencentEventPart[] {
  return [messageEvent(input, 'message.sent', { ok: true })];
}

/** Group.CallbackSendMsgException: delivering a group message failed (e.g. 10023 rate limit). */
export function normalizeGroupSendException(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  return [
    messageEvent(input, 'message.send.failed', {
      ok: false,
      errorCode: numberOf(body, 'ErrorCode', 'SendMsgResult'),
      errorInfo: readString(body.ErrorInfo),
    }),
  ];
}

/** Bot.OnGroupMessage: a bot was @-mentioned; the mentioned accounts are the subjects. */
export function normalizeBotGroupMessage(input: TencentCallbackInput): TencentEventPart[] {
  const event = messageEvent(input, 'message.delivered', { bot: true });
  const bots = event.message?.mentions?.users ?? [];
  return [bots.length > 0 ? { ...event, subjects: bots } : event];
}

function messageIdsOf(body: Record<string, unknown>, seqs: unknown[]): string[] {
  const container = idOf(body, 'TopicId') ?? idOf(body, 'GroupId') ?? '';
  return seqs.map((s) => `${container}:${String(s)}`);
}

/** Group.CallbackAfterRecallMsg: `MsgSeqList[{MsgSeq}]` of the recalled messages (one event for the list). */
export function normalizeGroupRecall(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const seqs = accountsOf(body.MsgSeqList, 'MsgSeq');
  return [
    compact({
      type: 'message.recalled' as const,
      conversation: groupConversation(body),
      actor: idOf(body, 'Operator_Account'),
      data: compact({ ...groupData(body), messageIds: messageIdsOf(body, seqs) }),
    }),
  ];
}

/**
 * Group.CallbackAfterReadReceipt: `GroupMsgReceiptList[{MsgSeq, ReadNum, UnreadNum, ReadReceiptMembers}]`.
 * One event per callback; the readers of all listed messages are the actors, so a single reader is `actor`.
 */
export function normalizeGroupReadReceipt(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const receipts = recordsOf(body, 'GroupMsgReceiptList').map((r) => {
    const seq = readId(r.MsgSeq);
    return compact({
      messageId: seq === undefined ? undefined : messageIdsOf(body, [seq])[0],
      msgSeq: readNumber(r.MsgSeq),
      readNum: readNumber(r.ReadNum),
      unreadNum: readNumber(r.UnreadNum),
      readers: accountsOf(r.ReadReceiptMembers, 'Member_Account'),
    });
  });
  const readers = [...new Set(receipts.flatMap((r) => r.readers))];
  return [
    compact({
      type: 'message.read' as const,
      conversation: groupConversation(body),
      actor: readers.length === 1 ? readers[0] : undefined,
      data: compact({
        ...groupData(body),
        messageIds: receipts.flatMap((r) => (r.messageId === undefined ? [] : [r.messageId])),
        readers,
        receipts,
      }),
    }),
  ];
}

/** Group.CallbackAfterGroupMsgExtension: extension keys of the message `GroupId:MsgSeq` changed. */
export function normalizeGroupExtension(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const seq = idOf(body, 'MsgSeq');
  return [
    compact({
      type: 'message.extension.changed' as const,
      conversation: groupConversation(body),
      actor: idOf(body, 'Operator_Account'),
      data: compact({
        ...groupData(body),
        messageId: seq === undefined ? undefined : messageIdsOf(body, [seq])[0],
        ...extensionData(body),
      }),
    }),
  ];
}
