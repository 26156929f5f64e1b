import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import {
  EASEMOB_BODY_TYPES,
  EASEMOB_GROUP_OP_EVENT_TYPES,
  EASEMOB_MODERATION_RESULTS,
  EASEMOB_MUC_EVENT_TYPES,
  EASEMOB_PUSH_STATUSES,
  EASEMOB_ROSTER_EVENT_TYPES,
  EASEMOB_USER_STATUS_REASONS,
  type EasemobBodyType,
  type EasemobCallbackFamily,
  type EasemobClassification,
} from './easemob-callback.types.js';

const BODY_TYPES: ReadonlySet<string> = new Set(EASEMOB_BODY_TYPES);

function result(family: EasemobCallbackFamily, kind: string, known = true): EasemobClassification {
  return { family, kind, known };
}

/** The filter-vocabulary body type of one Easemob body: `voice` is an SDK spelling of `audio`. */
export function easemobBodyType(body: unknown): EasemobBodyType {
  const type = isRecord(body) ? readString(body.type) : undefined;
  if (type === 'voice') return 'audio';
  return type !== undefined && BODY_TYPES.has(type) ? (type as EasemobBodyType) : 'unknown';
}

/** `chatroom` and `group` appear in the pre-send field table; post-send room messages say `groupchat`. */
function messageChatType(chatType: string): 'chat' | 'groupchat' | 'chatroom' | undefined {
  if (chatType === 'chat' || chatType === 'groupchat' || chatType === 'chatroom') return chatType;
  if (chatType === 'group') return 'groupchat';
  return undefined;
}

/** The first message body of either payload shape: post-send `bodies[0]`, or the pre-send payload itself. */
function firstBody(payload: Record<string, unknown>): unknown {
  return Array.isArray(payload.bodies) ? payload.bodies[0] : payload;
}

function classifyMessage(body: Record<string, unknown>, chatType: string): EasemobClassification {
  const payload = isRecord(body.payload) ? body.payload : {};
  // Told apart by the envelope, whatever the payload's shape: every post-send message callback carries
  // `eventType` (`chat` or `chat_offline`, seed 000's common fields, easemob.md §4.3), a field the
  // pre-send request does not have (easemob.md §4.2). Answering a pre-send callback as post-send would
  // leave the sender's message waiting for a verdict that never comes.
  if (body.eventType === undefined)
    return result('presend', `presend:${chatType}:${easemobBodyType(firstBody(payload))}`);
  const bodies = Array.isArray(payload.bodies) ? payload.bodies : [];
  return result('message', `${chatType}:${easemobBodyType(bodies[0])}`);
}

function classifyByChatType(body: Record<string, unknown>, chatType: string): EasemobClassification {
  const payload = isRecord(body.payload) ? body.payload : {};
  const operation = readString(payload.operation);
  switch (chatType) {
    case 'muc':
      return operation !== undefined && Object.hasOwn(EASEMOB_MUC_EVENT_TYPES, operation)
        ? result('muc', `muc:${operation}`)
        : result('muc', `muc:${operation ?? ''}`, false);
    case 'roster':
      return operation !== undefined && Object.hasOwn(EASEMOB_ROSTER_EVENT_TYPES, operation)
        ? result('roster', `roster:${operation}`)
        : result('roster', `roster:${operation ?? ''}`, false);
    case 'recall':
      return result('recall', 'recall');
    case 'read_ack':
    case 'delivery_ack':
    case 'channel_ack':
      return result('ack', chatType);
    case 'edit':
      return result('edit', 'edit');
    case 'sensitiveWords':
      return classifySensitiveWords(body);
    case 'notify': {
      const type = readString(payload.type);
      if (type === 'reaction' || type === 'thread') return result(type, type);
      return result('unknown', `notify:${type ?? ''}`, false);
    }
  }
  const messageType = messageChatType(chatType);
  if (messageType !== undefined) return classifyMessage(body, messageType);
  return result('unknown', chatType, false);
}

function classifySensitiveWords(body: Record<string, unknown>): EasemobClassification {
  const reason =
    readString(body.alertReason) ?? readString(isRecord(body.payload) ? body.payload.alertReason : undefined);
  return reason === 'intercepted'
    ? result('sensitive_words', 'sensitiveWords:intercepted')
    : result('sensitive_words', `sensitiveWords:${reason ?? ''}`, false);
}

function classifyGroupOp(body: Record<string, unknown>): EasemobClassification {
  const operation = readString(body.operation) ?? '';
  const subType = isRecord(body.payload) ? readString(body.payload.type) : undefined;
  const key = subType === undefined ? operation : `${operation}:${subType}`;
  return result('group_op', `group_op:${key}`, Object.hasOwn(EASEMOB_GROUP_OP_EVENT_TYPES, key));
}

/**
 * Names a callback body in Easemob's filter vocabulary (`chat:txt`, `muc:kick`, `group_op:JOIN:DIRECT`,
 * `presend:groupchat:img`, ...). Pure and total: any JSON value gets a classification, unknown shapes
 * `family: 'unknown'`.
 */
export function classifyEasemobCallback(body: unknown): EasemobClassification {
  if (!isRecord(body)) return result('unknown', 'unknown', false);
  // New-format group / chat-room events have no chat_type at all (easemob.md §4.4).
  if (body.event === 'group_op_event') return classifyGroupOp(body);
  if (body.eventType === 'moderation' || body.moderationResult !== undefined) {
    const verdict = readString(body.moderationResult) ?? '';
    return result(
      'moderation',
      `moderation:${verdict}`,
      (EASEMOB_MODERATION_RESULTS as readonly string[]).includes(verdict),
    );
  }
  if (body.step === 'push') {
    const status = readString(body.status) ?? '';
    return result(
      'offline_push',
      `offline_push:${status}`,
      (EASEMOB_PUSH_STATUSES as readonly string[]).includes(status),
    );
  }
  // The filter table keys sensitive-word alerts on `alertReason` (seed 000 §敏感词监测, no example printed):
  // an intercepted message is not a sent one, whatever its chat_type says.
  if (body.alertReason !== undefined || (isRecord(body.payload) && body.payload.alertReason !== undefined))
    return classifySensitiveWords(body);
  const chatType = readString(body.chat_type);
  if (chatType !== undefined) return classifyByChatType(body, chatType);
  // Login / logout callbacks carry no chat_type: `user` + `status` (+ `reason`), seed 000 §用户登入登出.
  if (body.user !== undefined && body.status !== undefined) {
    const reason = readString(body.reason);
    return reason !== undefined && (EASEMOB_USER_STATUS_REASONS as readonly string[]).includes(reason)
      ? result('user_status', `userStatus:${reason}`)
      : result('user_status', 'userStatus');
  }
  // A message payload printed without its envelope (seed 000 prints body examples that way).
  if (isRecord(body.payload) && Array.isArray(body.payload.bodies))
    return result('message', `message:${easemobBodyType(body.payload.bodies[0])}`);
  return result('unknown', 'unknown', false);
}
