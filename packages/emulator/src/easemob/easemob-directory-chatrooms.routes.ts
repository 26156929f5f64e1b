import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { numericGroupId } from '../common/id-generator.js';
import {
  admit,
  answer,
  decodeCursor,
  exceedLimit,
  forbiddenOp,
  illegalArgument,
  intParam,
  invalidParameter,
  isStringList,
  objectBody,
  page,
  params,
  query,
  resourceNotFound,
} from './easemob-directory.helpers.js';
import { sendError, type EasemobContext } from './easemob.context.js';
import type { EasemobApp, EasemobRoomState } from './easemob.types.js';

// Chat room limits (migration facts §2.8).
const MAX_NAME = 128;
const MAX_DESCRIPTION = 512;
const MAX_CUSTOM_BYTES = 8 * 1024;
const MAX_ADMINS = 99;
const CUSTOM_ID = /^[a-z0-9]{1,64}$/;

async function found(
  app: EasemobApp,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<EasemobRoomState | null> {
  const id = params(request)['room'] ?? '';
  const room = app.rooms.get(id);
  if (room) return room;
  await sendError(reply, resourceNotFound(`chatroom ${id} does not exist!`));
  return null;
}

/** Chat rooms: create (50/s), list (50/s), members, admins (migration facts §2.8). */
export function registerEasemobChatroomRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  server.post('/:org/:app/chatrooms', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'rooms/create');
    if (!app) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const { name, owner, description, custom } = body;
    const members = body['members'] ?? [];
    if (
      typeof name !== 'string' ||
      name === '' ||
      typeof owner !== 'string' ||
      owner === '' ||
      !isStringList(members)
    )
      return sendError(reply, invalidParameter('name, owner and members are required'));
    if (ctx.registeredOnly) {
      const unknown = [owner, ...members].find((u) => !app.users.has(u.toLowerCase()));
      if (unknown !== undefined) return sendError(reply, resourceNotFound(`user ${unknown} doesn't exist`));
    }
    const maxusers = body['maxusers'] ?? 1000;
    if (
      typeof description !== 'string' ||
      [...description].length > MAX_DESCRIPTION ||
      [...name].length > MAX_NAME ||
      (custom !== undefined &&
        (typeof custom !== 'string' || Buffer.byteLength(custom) > MAX_CUSTOM_BYTES)) ||
      typeof maxusers !== 'number' ||
      !Number.isInteger(maxusers) ||
      maxusers < 1 ||
      maxusers > 10_000
    )
      return sendError(
        reply,
        invalidParameter('description is required; a field is too long or of the wrong type'),
      );
    if (members.length + 1 > maxusers) return sendError(reply, exceedLimit('members exceed maxusers'));
    let id = numericGroupId();
    if (body['roomid'] !== undefined) {
      const wanted = body['roomid'];
      if (!ctx.options.customIds)
        return sendError(reply, invalidParameter('custom chatroom id is not enabled'));
      if (typeof wanted !== 'string' || !CUSTOM_ID.test(wanted))
        return sendError(reply, invalidParameter('roomid must be 1 to 64 of a-z 0-9'));
      if (app.rooms.has(wanted))
        return sendError(reply, invalidParameter(`chatroom ID ${wanted} already exists!`));
      id = wanted;
    }
    addRoom(app, {
      id,
      name,
      description,
      maxusers,
      owner,
      created: ctx.now(),
      custom: typeof custom === 'string' ? custom : '',
      members: new Set([owner, ...members]),
      admins: new Set(),
    });
    return answer(ctx, request, app, '/chatrooms', { id }, 'post');
  });

  // Every room, newest first, `limit` 1–1000 with a cursor. The doc's example prints `data` as one object
  // and no cursor; a list with a cursor, as the group list has, is what paging needs.
  server.get('/:org/:app/chatrooms', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'rooms/list');
    if (!app) return;
    const limit = intParam(query(request)['limit'], 1, 1000, 10);
    const offset = decodeCursor(query(request)['cursor']);
    if (limit === null || offset === null)
      return sendError(reply, illegalArgument('limit must be 1 to 1000 and cursor one this API returned'));
    const rooms = [...app.rooms.values()].sort((a, b) => b.created - a.created);
    const { items, cursor } = page(rooms, offset, limit);
    const data = items.map((r) => ({
      id: r.id,
      name: r.name,
      owner: r.owner,
      affiliations_count: r.members.size,
    }));
    return answer(ctx, request, app, '/chatrooms', data, 'get', {
      ...(cursor ? { cursor } : {}),
      count: data.length,
    });
  });

  // Members by page; admins appear as `member` (§2.8).
  server.get('/:org/:app/chatrooms/:room/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'rooms');
    if (!app) return;
    const room = await found(app, request, reply);
    if (!room) return;
    const num = intParam(query(request)['pagenum'], 1, Number.MAX_SAFE_INTEGER, 1);
    const size = intParam(query(request)['pagesize'], 1, 1000, 1000);
    if (num === null || size === null)
      return sendError(reply, illegalArgument('pagenum must be ≥ 1 and pagesize 1 to 1000'));
    const data = [...room.members]
      .slice((num - 1) * size, num * size)
      .map((u) => (u === room.owner ? { owner: u } : { member: u }));
    return answer(ctx, request, app, `/chatrooms/${room.id}/users`, data, 'get', { count: data.length });
  });

  server.get('/:org/:app/chatrooms/:room/admin', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'rooms');
    if (!app) return;
    const room = await found(app, request, reply);
    if (!room) return;
    const data = [...room.admins];
    return answer(ctx, request, app, `/chatrooms/${room.id}/admin`, data, 'get', { count: data.length });
  });

  server.post('/:org/:app/chatrooms/:room/admin', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'rooms');
    if (!app) return;
    const room = await found(app, request, reply);
    if (!room) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const user = body['newadmin'];
    if (typeof user !== 'string' || user === '')
      return sendError(reply, illegalArgument('newadmin is required'));
    if (!room.members.has(user) || user === room.owner)
      return sendError(reply, forbiddenOp(`user ${user} is not a member who can become admin`));
    if (room.admins.has(user)) return sendError(reply, forbiddenOp(`user ${user} is already an admin`));
    if (room.admins.size >= MAX_ADMINS) return sendError(reply, exceedLimit('too many admins'));
    room.admins.add(user);
    return answer(
      ctx,
      request,
      app,
      `/chatrooms/${room.id}/admin`,
      { result: 'success', newadmin: user },
      'post',
    );
  });
}

/** Stores a chat room (creation and seeding). */
export function addRoom(app: EasemobApp, room: EasemobRoomState): void {
  app.rooms.set(room.id, room);
}
