import { isoFromSeconds, readNumber, readString } from '@im-gateway/provider-kit/callback';
import { compact, directConversation, idOf, numberOf, recordsOf } from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';
import { c2cMessage, c2cMessageId } from './tencent-message.builder.js';

/** One-to-one callbacks (C2C.*) and the bot callbacks that carry a 1:1 message. tencent.md §2, §2.1. */

function messageEvent(
  input: TencentCallbackInput,
  type: TencentEventPart['type'],
  data: Record<string, unknown>,
): TencentEventPart {
  const { body } = input;
  const from = idOf(body, 'From_Account');
  return compact({
    type,
    // As the receiver sees it, the conversation is with the sender.
    conversation: directConversation(from),
    actor: from,
    message: c2cMessage(body, input.occurredAt),
    data: compact({ msgId: idOf(body, 'MsgId'), ...data }),
  });
}

/** C2C.CallbackBeforeSendMsg: the message awaiting our verdict (allowed at once, §1.5). */
export function normalizeC2cBeforeSend(input: TencentCallbackInput): TencentEventPart[] {
  return [messageEvent(input, 'message.send.requested', {})];
}

/**
 * C2C.CallbackAfterSendMsg fires after every delivery attempt, also failed ones (`SendMsgResult ≠ 0`,
 * `UnreadMsgNum = -1`): those stay `message.sent` with `data.ok: false` (EVENT-MODEL rule on failed operations).
 */
export function normalizeC2cAfterSend(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const result = numberOf(body, 'SendMsgResult');
  return [
    messageEvent(input, 'message.sent', {
      ok: result === undefined || result === 0,
      sendMsgResult: result,
      errorInfo: readString(body.ErrorInfo),
      unreadMsgNum: numberOf(body, 'UnreadMsgNum'),
    }),
  ];
}

/** Bot.OnC2CMessage: a 1:1 message was delivered to a bot account (the message itself is a C2C after-send). */
export function normalizeBotC2cMessage(input: TencentCallbackInput): TencentEventPart[] {
  const bot = idOf(input.body, 'To_Account');
  return [
    { ...messageEvent(input, 'message.delivered', { bot: true }), ...(bot ? { subjects: [bot] } : {}) },
  ];
}

/** Chatbot.OnC2CSignalMessage: a pass-through message to a chatbot that waits for our `RspData` (§1.5). */
export function normalizeChatbotSignal(input: TencentCallbackInput): TencentEventPart[] {
  return [messageEvent(input, 'message.send.requested', { chatbot: true })];
}

/** C2C.CallbackAfterMsgWithDraw: carries only the MsgKey of the recalled message (§2.1). */
export function normalizeC2cWithdraw(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const from = idOf(body, 'From_Account');
  return [
    compact({
      type: 'message.recalled' as const,
      conversation: directConversation(from),
      actor: from,
      data: compact({
        messageIds: [c2cMessageId(body)],
        from,
        to: idOf(body, 'To_Account'),
        unreadMsgNum: numberOf(body, 'UnreadMsgNum'),
      }),
    }),
  ];
}

/**
 * C2C.CallbackAfterMsgReport: a user marked a whole 1:1 conversation read up to `LastReadTime` (s). It names no
 * message, hence `conversation.read` rather than `message.read`; the report's own time is not sent.
 */
export function normalizeC2cReadReport(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  return [
    compact({
      type: 'conversation.read' as const,
      conversation: directConversation(idOf(body, 'Peer_Account')),
      actor: idOf(body, 'Report_Account'),
      data: compact({
        lastReadAt: isoFromSeconds(numberOf(body, 'LastReadTime')),
        unreadMsgNum: numberOf(body, 'UnreadMsgNum'),
      }),
    }),
  ];
}

/** C2C.CallbackAfterC2CMsgExtension: extension keys of one 1:1 message were set, deleted or cleared. */
export function normalizeC2cExtension(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const from = idOf(body, 'From_Account');
  return [
    compact({
      type: 'message.extension.changed' as const,
      conversation: directConversation(from),
      data: compact({
        messageId: c2cMessageId(body),
        from,
        to: idOf(body, 'To_Account'),
        ...extensionData(body),
      }),
    }),
  ];
}

/** `OperateType`, `ExtensionList[{Key,Value,Seq}]` and `Seq`, shared by the C2C and group extension callbacks. */
export function extensionData(body: Record<string, unknown>): Record<string, unknown> {
  return compact({
    operateType: numberOf(body, 'OperateType'),
    extensions: recordsOf(body, 'ExtensionList').map((e) =>
      compact({
        key: readString(e.Key ?? e.key),
        value: readString(e.Value ?? e.value),
        seq: readNumber(e.Seq ?? e.seq),
      }),
    ),
    seq: numberOf(body, 'Seq'),
  });
}
