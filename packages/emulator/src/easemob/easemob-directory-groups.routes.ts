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
import type { EasemobApp, EasemobGroupState } from './easemob.types.js';

// Group limits (migration facts §2.7, EDp).
const MAX_NAME = 128;
const MAX_DESCRIPTION = 512;
const MAX_AVATAR = 1024;
const MAX_CUSTOM_BYTES = 8 * 1024;
const MAX_ADD = 60;
const MAX_MUTE = 60;
const MAX_ADMINS = 99;
const MAX_DETAILS = 100;
const CUSTOM_ID = /^[a-z0-9]{1,64}$/;

const groupNotFound = (id: string) => resourceNotFound(`grpID ${id} does not exist!`);

/** The group's members with their role, owner first (the member list of §2.7). */
const affiliations = (group: EasemobGroupState) =>
  [...group.members.keys()].map((u) => (u === group.owner ? { owner: u } : { member: u }));

async function found(
  app: EasemobApp,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<EasemobGroupState | null> {
  const id = params(request)['group'] ?? '';
  const group = app.groups.get(id);
  if (group) return group;
  await sendError(reply, groupNotFound(id));
  return null;
}

const optionalString = (value: unknown, max: number) =>
  value === undefined || (typeof value === 'string' && [...value].length <= max);

/** Chat groups: create, list, details, members, admins, mutes (migration facts §2.7). */
export function registerEasemobGroupRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  server.post('/:org/:app/chatgroups', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const { groupname, owner, description, avatar, custom } = body;
    const members = body['members'] ?? [];
    if (typeof groupname !== 'string' || typeof owner !== 'string' || owner === '' || !isStringList(members))
      return sendError(reply, invalidParameter('groupname, owner and members are required'));
    // The creation answers 404 for unknown users before it checks the other fields (§2.7).
    if (ctx.registeredOnly) {
      const unknown = [owner, ...members].find((u) => !app.users.has(u.toLowerCase()));
      if (unknown !== undefined) return sendError(reply, resourceNotFound(`user ${unknown} doesn't exist`));
    }
    if (typeof body['public'] !== 'boolean') return sendError(reply, invalidParameter('public is required'));
    const maxusers = body['maxusers'] ?? 200;
    if (
      [...groupname].length > MAX_NAME ||
      !optionalString(description, MAX_DESCRIPTION) ||
      !optionalString(avatar, MAX_AVATAR) ||
      !optionalString(custom, MAX_CUSTOM_BYTES) ||
      (typeof custom === 'string' && Buffer.byteLength(custom) > MAX_CUSTOM_BYTES) ||
      typeof maxusers !== 'number' ||
      !Number.isInteger(maxusers) ||
      maxusers < 1
    )
      return sendError(reply, invalidParameter('a group field is too long or of the wrong type'));
    if (members.length + 1 > maxusers) return sendError(reply, exceedLimit('members exceed maxusers'));
    let id = numericGroupId();
    if (body['groupid'] !== undefined) {
      const wanted = body['groupid'];
      if (!ctx.options.customIds) return sendError(reply, invalidParameter('custom group id is not enabled'));
      if (typeof wanted !== 'string' || !CUSTOM_ID.test(wanted))
        return sendError(reply, invalidParameter('groupid must be 1 to 64 of a-z 0-9'));
      if (app.groups.has(wanted))
        return sendError(reply, invalidParameter(`group ID ${wanted} already exists!`));
      id = wanted;
    }
    const now = ctx.now();
    addGroup(app, {
      id,
      name: groupname,
      description: typeof description === 'string' ? description : '',
      ...(typeof avatar === 'string' ? { avatar } : {}),
      public: body['public'],
      membersonly: body['membersonly'] === true,
      allowinvites: body['allowinvites'] === true,
      maxusers,
      owner,
      created: now,
      custom: typeof custom === 'string' ? custom : '',
      mute: false,
      members: new Map([owner, ...members].map((u) => [u, now])),
      admins: new Set(),
      mutes: new Map(),
    });
    return answer(ctx, request, app, '/chatgroups', { groupid: id }, 'post');
  });

  // Every group, newest created first, `limit` 1–1000 with a cursor (§2.7). `owner` as the example prints it.
  server.get('/:org/:app/chatgroups', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const limit = intParam(query(request)['limit'], 1, 1000, 10);
    const offset = decodeCursor(query(request)['cursor']);
    if (limit === null || offset === null)
      return sendError(reply, illegalArgument('limit must be 1 to 1000 and cursor one this API returned'));
    const groups = [...app.groups.values()].sort((a, b) => b.created - a.created);
    const { items, cursor } = page(groups, offset, limit);
    const data = items.map((g) => ({
      owner: `${app.appKey}_${g.owner}`,
      groupid: g.id,
      affiliations: g.members.size,
      type: 'group',
      lastModified: String(g.created),
      groupname: g.name,
    }));
    return answer(ctx, request, app, '/chatgroups', data, 'get', {
      ...(cursor ? { cursor } : {}),
      count: data.length,
    });
  });

  // Details of ≤ 100 comma-separated groups; unknown ids are left out, all unknown → 404.
  server.get('/:org/:app/chatgroups/:group', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const ids = (params(request)['group'] ?? '').split(',').filter((id) => id !== '');
    if (ids.length > MAX_DETAILS)
      return sendError(reply, illegalArgument(`at most ${MAX_DETAILS} groups per call`));
    const groups = ids.flatMap((id) => app.groups.get(id) ?? []);
    if (groups.length === 0) return sendError(reply, groupNotFound(ids.join(',')));
    const data = groups.map((g) => ({
      id: g.id,
      name: g.name,
      ...(g.avatar === undefined ? {} : { avatar: g.avatar }),
      description: g.description,
      membersonly: g.membersonly,
      allowinvites: g.allowinvites,
      maxusers: g.maxusers,
      owner: g.owner,
      created: g.created,
      custom: g.custom,
      mute: g.mute,
      affiliations_count: g.members.size,
      disabled: false,
      affiliations: affiliations(g).slice(0, 10_000),
      public: g.public,
    }));
    return answer(ctx, request, app, `/chatgroups/${ids.join(',')}`, data, 'get', { count: data.length });
  });

  // Members by page (`pagenum` from 1, `pagesize` 1–1000); admins appear as `member` (§2.7).
  server.get('/:org/:app/chatgroups/:group/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    const num = intParam(query(request)['pagenum'], 1, Number.MAX_SAFE_INTEGER, 1);
    const size = intParam(query(request)['pagesize'], 1, 1000, 1000);
    if (num === null || size === null)
      return sendError(reply, illegalArgument('pagenum must be ≥ 1 and pagesize 1 to 1000'));
    const joined = query(request)['joined_time'] === 'true';
    const data = [...group.members].slice((num - 1) * size, num * size).map(([u, at]) => ({
      ...(u === group.owner ? { owner: u } : { member: u }),
      ...(joined ? { joined_time: at } : {}),
    }));
    return answer(ctx, request, app, `/chatgroups/${group.id}/users`, data, 'get', {
      count: data.length,
      params: { pagesize: [String(size)], pagenum: [String(num)] },
    });
  });

  // Add ≤ 60 members; no join time can be given; all already members → 403 (§2.7).
  server.post('/:org/:app/chatgroups/:group/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const usernames = body['usernames'];
    if (!isStringList(usernames) || usernames.length === 0)
      return sendError(reply, illegalArgument('usernames must be a list of user ids'));
    if (usernames.length > MAX_ADD)
      return sendError(reply, illegalArgument(`usernames size can not exceed ${MAX_ADD}`));
    if (ctx.registeredOnly) {
      const unknown = usernames.find((u) => !app.users.has(u));
      if (unknown !== undefined) return sendError(reply, resourceNotFound(`user ${unknown} doesn't exist`));
    }
    const fresh = [...new Set(usernames)].filter((u) => !group.members.has(u));
    if (fresh.length === 0) return sendError(reply, forbiddenOp('users are already members of the group'));
    if (group.members.size + fresh.length > group.maxusers)
      return sendError(reply, exceedLimit('members exceed maxusers'));
    const now = ctx.now();
    for (const u of fresh) group.members.set(u, now);
    return answer(
      ctx,
      request,
      app,
      `/chatgroups/${group.id}/users`,
      {
        newmembers: fresh,
        groupid: group.id,
        action: 'add_member',
      },
      'post',
    );
  });

  server.get('/:org/:app/chatgroups/:group/admin', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    const data = [...group.admins];
    return answer(ctx, request, app, `/chatgroups/${group.id}/admin`, data, 'get', { count: data.length });
  });

  // One admin per call; owner plus admins ≤ 100 (§2.7).
  server.post('/:org/:app/chatgroups/:group/admin', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const user = body['newadmin'];
    if (typeof user !== 'string' || user === '')
      return sendError(reply, illegalArgument('newadmin is required'));
    if (!group.members.has(user) || user === group.owner)
      return sendError(reply, forbiddenOp(`user ${user} is not a member who can become admin`));
    if (group.admins.has(user)) return sendError(reply, forbiddenOp(`user ${user} is already an admin`));
    if (group.admins.size >= MAX_ADMINS) return sendError(reply, exceedLimit('too many admins'));
    group.admins.add(user);
    return answer(
      ctx,
      request,
      app,
      `/chatgroups/${group.id}/admin`,
      { result: 'success', newadmin: user },
      'post',
    );
  });

  // Current mutes, `expire` in ms (-1: for ever).
  server.get('/:org/:app/chatgroups/:group/mute', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    const now = ctx.now();
    const data = [...group.mutes]
      .filter(([, expire]) => expire === -1 || expire > now)
      .map(([user, expire]) => ({ expire, user }));
    return answer(ctx, request, app, `/chatgroups/${group.id}/mute`, data, 'get');
  });

  // Mute ≤ 60 members for `mute_duration` ms (-1 for ever, 0 unmutes); the owner cannot be muted (§2.7).
  server.post('/:org/:app/chatgroups/:group/mute', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const usernames = body['usernames'];
    const duration = body['mute_duration'];
    if (
      !isStringList(usernames) ||
      usernames.length === 0 ||
      typeof duration !== 'number' ||
      !Number.isInteger(duration) ||
      duration < -1
    )
      return sendError(reply, illegalArgument('usernames and mute_duration (ms, -1 for ever) are required'));
    if (usernames.length > MAX_MUTE)
      return sendError(reply, illegalArgument(`usernames size can not exceed ${MAX_MUTE}`));
    if (usernames.includes(group.owner))
      return sendError(reply, forbiddenOp('the group owner can not be muted'));
    const expire = duration === -1 ? -1 : ctx.now() + duration;
    for (const user of usernames) {
      if (duration === 0) group.mutes.delete(user);
      else group.mutes.set(user, expire);
    }
    const data = usernames.map((user) => ({ result: true, expire, user }));
    return answer(ctx, request, app, `/chatgroups/${group.id}/mute`, data, 'post');
  });

  // Mute-all (the page was not read; the answer mirrors the mute answer's shape).
  server.post('/:org/:app/chatgroups/:group/ban', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'groups');
    if (!app) return;
    const group = await found(app, request, reply);
    if (!group) return;
    group.mute = true;
    return answer(ctx, request, app, `/chatgroups/${group.id}/ban`, { mute: true }, 'post');
  });
}

/** Stores a group (creation and seeding). */
export function addGroup(app: EasemobApp, group: EasemobGroupState): void {
  app.groups.set(group.id, group);
}
