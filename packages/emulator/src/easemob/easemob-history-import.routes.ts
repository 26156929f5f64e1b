import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { invalidBody, sendError as messageSendError } from './easemob-errors.js';
import { conversationKey } from './easemob-directory.state.js';
import { admit, illegalArgument, objectBody, resourceNotFound } from './easemob-directory.helpers.js';
import { MAX_CONTENT_BYTES, validBody } from './easemob-message.validation.js';
import { sendError, type EasemobContext } from './easemob.context.js';

// Importable types (migration facts §2.9): the send types; `combine` has no import.
const IMPORT_TYPES = new Set(['txt', 'img', 'audio', 'video', 'file', 'loc', 'cmd', 'custom']);

type Kind = 'users' | 'chatgroups';

/**
 * One-to-one and group message import, one message per call (migration facts §2.9, §2.10). `msg_timestamp`
 * (ms) must exceed the last message imported into the same conversation; group messages must also be newer
 * than the group's creation and older than now. The vendor's words for these refusals are not printed; the
 * emulator answers 400 `illegal_argument` naming the rule.
 */
export function registerEasemobHistoryImportRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  const handle = (kind: Kind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const app = await admit(ctx, request, reply, `import/${kind}`);
    if (!app) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const { from, target, type, ext } = body;
    const content = body['body'];
    const stamp = body['msg_timestamp'];
    if (typeof from !== 'string' || from === '')
      return sendError(reply, illegalArgument('from not allow empty'));
    if (typeof target !== 'string' || target === '')
      return sendError(reply, illegalArgument('target not allow empty'));
    if (typeof type !== 'string' || type === '')
      return sendError(reply, illegalArgument('type not allow empty'));
    if (!isObject(content) || Object.keys(content).length === 0)
      return sendError(reply, illegalArgument('message body not allow empty'));
    if (!IMPORT_TYPES.has(type) || !validBody(type, content)) return sendError(reply, invalidBody());
    if (ext !== undefined && !isObject(ext)) return sendError(reply, invalidBody());
    const size =
      Buffer.byteLength(JSON.stringify(content)) + (ext ? Buffer.byteLength(JSON.stringify(ext)) : 0);
    if (size > MAX_CONTENT_BYTES) return sendError(reply, messageSendError('message is too large', 14007));
    if (stamp !== undefined && (typeof stamp !== 'number' || !Number.isInteger(stamp) || stamp < 1000))
      return sendError(reply, illegalArgument('msg_timestamp must be a time in ms, not 0 or below 1000'));
    const now = ctx.now();
    const at = typeof stamp === 'number' ? stamp : now;
    const chatType = kind === 'users' ? 'chat' : 'groupchat';
    if (kind === 'chatgroups') {
      const group = app.groups.get(target);
      if (!group) return sendError(reply, resourceNotFound(`grpID ${target} does not exist!`));
      if (at <= group.created)
        return sendError(
          reply,
          illegalArgument("msg_timestamp must be greater than the group's creation time"),
        );
      if (at >= now)
        return sendError(reply, illegalArgument('msg_timestamp must be less than the current time'));
    }
    const key = conversationKey(chatType, from, target);
    const last = app.lastImported.get(key);
    if (last !== undefined && at <= last)
      return sendError(
        reply,
        illegalArgument(
          `msg_timestamp must be greater than the last message imported into this conversation (${last})`,
        ),
      );
    app.lastImported.set(key, at);
    const id = ctx.ids.next(at);
    ctx.accept(
      app,
      {
        vendor: 'easemob',
        app: app.appKey,
        route: `/messages/${kind}/import`,
        id,
        chatType,
        from,
        to: target,
        type,
        body: content,
        ...(ext ? { ext } : {}),
        receivedAt: at,
        recalled: false,
        request: body,
      },
      true,
    );
    // The group page's example prints the one-to-one path too (§2.10).
    return ctx.envelope(request, app, '/messages/users/import', { msg_id: id });
  };
  server.post('/:org/:app/messages/users/import', handle('users'));
  server.post('/:org/:app/messages/chatgroups/import', handle('chatgroups'));
}
