import type { FastifyInstance } from 'fastify';
import { isObject, parseJson } from '../common/http-helpers.js';
import { recallCallback } from './easemob-callback.builder.js';
import { easemobError, invalidBody } from './easemob-errors.js';
import { sendError, type EasemobContext } from './easemob.context.js';

// Default recall window: 2 minutes, set per app in the console; `force: true` recalls older
// messages too (easemob.md §3.1).
const DEFAULT_RECALL_WINDOW_SECONDS = 120;
const CHAT_TYPES = new Set(['chat', 'groupchat', 'chatroom']);

const recallError = (status: number, description: string) =>
  easemobError(status, 'message_recall_error', description, 'MessageRecallException');

/** `POST /{org}/{app}/messages/msg_recall` (easemob.md §3.1, rest_msg_recall.json). */
export function registerEasemobRecallRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  server.post('/:org/:app/messages/msg_recall', async (request, reply) => {
    const app = await ctx.authorized(request, reply);
    if (!app) return;
    const parsed = parseJson(request.body);
    if (!parsed.ok || !isObject(parsed.value)) return sendError(reply, invalidBody());
    const body = parsed.value;
    for (const field of ['msg_id', 'to', 'chat_type'] as const) {
      if (typeof body[field] !== 'string' || body[field] === '') {
        return sendError(reply, recallError(400, `param ${field} can't be empty`));
      }
    }
    // The newer recall page lists `force` as required.
    if (typeof body['force'] !== 'boolean')
      return sendError(reply, recallError(400, "param force can't be empty"));
    const msgId = body['msg_id'] as string;
    const to = body['to'] as string;
    const chatType = body['chat_type'] as string;
    if (!CHAT_TYPES.has(chatType)) return sendError(reply, invalidBody());
    const limited = ctx.limits.check(app.appKey, 'msg_recall', 1);
    if (limited) return sendError(reply, limited);
    const message = ctx.store.get(app.appKey, msgId);
    if (!message || message.recalled) return sendError(reply, recallError(403, 'not_found msg'));
    if (message.to !== to || message.chatType !== chatType) {
      return sendError(reply, recallError(400, "can't find msg to"));
    }
    const windowMs = (app.recallWindowSeconds ?? DEFAULT_RECALL_WINDOW_SECONDS) * 1000;
    // The emulator's clock, as `receivedAt` is: a fixed or moved clock must not make every message "old".
    if (!body['force'] && ctx.now() - message.receivedAt > windowMs) {
      return sendError(reply, recallError(403, 'exceed recall time limit'));
    }
    message.recalled = true;
    const from = typeof body['from'] === 'string' && body['from'] !== '' ? body['from'] : 'admin';
    if (app.callbackUrl) {
      ctx.callbacks.enqueue({
        vendor: 'easemob',
        app: app.appKey,
        url: app.callbackUrl,
        kind: 'recall',
        body: recallCallback(app, message, from, ctx.ids.next()),
        timeoutMs: ctx.callbackTimeoutMs,
        retryOnce: true,
        maxResponseChars: 1000,
      });
    }
    // Note the key `chattype` (not `chat_type`) in the vendor's answer.
    return ctx.envelope(request, app, '/messages/msg_recall', {
      recalled: 'yes',
      chattype: chatType,
      from,
      to,
      msg_id: msgId,
    });
  });
}
