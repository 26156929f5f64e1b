import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseJson } from '../common/http-helpers.js';
import { invalidBody } from './easemob-errors.js';
import {
  validateBroadcast,
  validateSend,
  type EasemobOutgoing,
  type EasemobSendKind,
} from './easemob-message.validation.js';
import { sendError, type EasemobContext } from './easemob.context.js';
import type { EasemobApp } from './easemob.types.js';

const CHAT_TYPE: Record<EasemobSendKind, string> = {
  users: 'chat',
  chatgroups: 'groupchat',
  'chatgroups/users': 'groupchat',
  chatrooms: 'chatroom',
  'chatrooms/users': 'chatroom',
};

// The targeted-message answers print the untargeted path (rest_send_chatgroups_users_targeted.json,
// seed 001 定向消息 example), so the emulator answers the same.
const RESPONSE_PATH: Record<EasemobSendKind, string> = {
  users: '/messages/users',
  chatgroups: '/messages/chatgroups',
  'chatgroups/users': '/messages/chatgroups',
  chatrooms: '/messages/chatrooms',
  'chatrooms/users': '/messages/chatrooms',
};

/** Messages counted against the message-rate limits: one per recipient user, group or room. */
const messageCount = (kind: EasemobSendKind, msg: EasemobOutgoing) =>
  kind.endsWith('/users') ? 1 : msg.to.length;

/** The send APIs of easemob.md §2.1 and seed 001; `data` maps each recipient to a new msg id. */
export function registerEasemobSendRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  const handle = (kind: EasemobSendKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const app = await ctx.authorized(request, reply);
    if (!app) return;
    const parsed = parseJson(request.body);
    if (!parsed.ok) return sendError(reply, invalidBody());
    const result = validateSend(parsed.value, kind);
    if (!result.ok) return sendError(reply, result.error);
    const limited = ctx.limits.check(app.appKey, kind, messageCount(kind, result.value));
    if (limited) return sendError(reply, limited);
    const data: Record<string, string> = {};
    const now = ctx.now();
    for (const to of result.value.to) {
      const id = ctx.ids.next(now);
      data[to] = id;
      record(ctx, app, kind, result.value, to, id, now, parsed.value);
    }
    return ctx.envelope(request, app, RESPONSE_PATH[kind], data);
  };

  server.post('/:org/:app/messages/users', handle('users'));
  server.post('/:org/:app/messages/chatgroups', handle('chatgroups'));
  server.post('/:org/:app/messages/chatgroups/users', handle('chatgroups/users'));
  server.post('/:org/:app/messages/chatrooms', handle('chatrooms'));
  server.post('/:org/:app/messages/chatrooms/users', handle('chatrooms/users'));

  // Broadcast to every active chatroom (seed 001): no message id, only a broadcast id, answered
  // as a JSON number like the vendor's example (it exceeds Number precision, so it is written raw).
  server.post('/:org/:app/messages/chatrooms/broadcast', async (request, reply) => {
    const app = await ctx.authorized(request, reply);
    if (!app) return;
    const parsed = parseJson(request.body);
    if (!parsed.ok) return sendError(reply, invalidBody());
    const result = validateBroadcast(parsed.value);
    if (!result.ok) return sendError(reply, result.error);
    const limited = ctx.limits.check(app.appKey, 'chatrooms/broadcast', 1);
    if (limited) return sendError(reply, limited);
    const id = ctx.ids.next();
    ctx.store.add({
      vendor: 'easemob',
      app: app.appKey,
      route: '/messages/chatrooms/broadcast',
      id,
      chatType: 'chatroom',
      from: result.value.from,
      to: '*',
      type: result.value.type,
      body: result.value.body,
      ext: result.value.ext,
      receivedAt: Date.now(),
      recalled: false,
      request: parsed.value,
    });
    const envelope = JSON.stringify(
      ctx.envelope(request, app, '/messages/chatrooms/broadcast', { id: '__ID__' }),
    );
    return reply.type('application/json').send(envelope.replace('"__ID__"', id));
  });
}

function record(
  ctx: EasemobContext,
  app: EasemobApp,
  kind: EasemobSendKind,
  msg: EasemobOutgoing,
  to: string,
  id: string,
  now: number,
  request: unknown,
): void {
  ctx.accept(app, {
    vendor: 'easemob',
    app: app.appKey,
    route: `/messages/${kind}`,
    id,
    chatType: CHAT_TYPE[kind],
    from: msg.from,
    to,
    ...(msg.users ? { users: msg.users } : {}),
    type: msg.type,
    body: msg.body,
    ext: msg.ext,
    receivedAt: now,
    recalled: false,
    request,
  });
}
