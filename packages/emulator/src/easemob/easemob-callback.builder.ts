import { randomUUID } from 'node:crypto';
import { easemobCallbackSignature } from '@im-gateway/signing';
import type { RecordedMessage } from '../common/message-store.js';
import type { EasemobApp } from './easemob.types.js';

const HOST = 'im-emulator';

/**
 * The callback `bodies[]` entry for a REST body: the same fields plus `type`, except that location
 * coordinates arrive as numbers and custom extensions appear both as the legacy `customExts` array
 * and the `v2:customExts` map (seed 000, 位置消息 / 自定义消息 examples).
 */
function callbackBody(type: string, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body, type };
  if (type === 'loc') {
    out['lat'] = Number(body['lat']);
    out['lng'] = Number(body['lng']);
  }
  if (type === 'custom' && body['customExts'] && typeof body['customExts'] === 'object') {
    const exts = body['customExts'] as Record<string, string>;
    out['customExts'] = Object.entries(exts).map(([key, value]) => ({ [key]: value }));
    out['v2:customExts'] = exts;
  }
  return out;
}

/** Adds `callId` (`{appkey}_{uuid}`), `timestamp` and `security` = MD5(callId + secret + timestamp). */
export function signEasemobCallback(app: EasemobApp, body: Record<string, unknown>): Record<string, unknown> {
  const callId = typeof body['callId'] === 'string' ? body['callId'] : `${app.appKey}_${randomUUID()}`;
  const timestamp = typeof body['timestamp'] === 'number' ? body['timestamp'] : Date.now();
  return {
    ...body,
    callId,
    timestamp,
    appkey: body['appkey'] ?? app.appKey,
    securityVersion: '1.0.0',
    security: easemobCallbackSignature(callId, app.callbackSecret ?? '', timestamp),
  };
}

/** Post-send message callback (seed 000 common fields): `eventType: chat`, one per message id. */
export function messageCallback(app: EasemobApp, message: RecordedMessage): Record<string, unknown> {
  const body: Record<string, unknown> = {
    callId: `${app.appKey}_${randomUUID()}`,
    eventType: 'chat',
    timestamp: message.receivedAt,
    // groupchat covers groups and chatrooms (seed 000).
    chat_type: message.chatType === 'chat' ? 'chat' : 'groupchat',
  };
  if (message.chatType !== 'chat') body['group_id'] = message.to;
  Object.assign(body, {
    from: message.from,
    to: message.to,
    msg_id: message.id,
    payload: {
      ext: message.ext ?? {},
      bodies: [callbackBody(message.type, message.body as Record<string, unknown>)],
    },
    host: HOST,
  });
  return signEasemobCallback(app, body);
}

/** Recall callback (seed 000 消息撤回): `chat_type: recall`, `recall_id` = the recalled message. */
export function recallCallback(
  app: EasemobApp,
  message: RecordedMessage,
  from: string,
  recallEventId: string,
) {
  return signEasemobCallback(app, {
    callId: `${app.appKey}_${recallEventId}`,
    eventType: 'chat',
    timestamp: Date.now(),
    chat_type: 'recall',
    ...(message.chatType === 'chat' ? {} : { group_id: message.to }),
    from,
    to: message.to,
    recall_id: message.id,
    msg_id: recallEventId,
    payload: { ext: {}, ack_message_id: message.id, bodies: [] },
    host: HOST,
  });
}
