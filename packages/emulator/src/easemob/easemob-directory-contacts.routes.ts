import type { FastifyInstance } from 'fastify';
import { addContact } from './easemob-directory.state.js';
import {
  admit,
  answer,
  decodeCursor,
  exceedLimit,
  illegalArgument,
  intParam,
  isStringList,
  objectBody,
  page,
  params,
  query,
  resourceNotFound,
} from './easemob-directory.helpers.js';
import { sendError, type EasemobContext } from './easemob.context.js';

// Friends per import call, and blocked users per user (migration facts §2.4–2.5).
const MAX_IMPORT = 10;
const MAX_BLOCKS = 500;
// The full friend list answers at most 3000 (§2.4), so that is the most a user can have here.
const MAX_CONTACTS = 3000;
const MAX_BLOCK_PAGE = 50;

/** Contacts (roster) and blocklists (migration facts §2.4, §2.5). */
export function registerEasemobContactRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  // Add one friend: both directions at once (§2.4).
  server.post('/:org/:app/users/:owner/contacts/users/:friend', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'contacts');
    if (!app) return;
    const { owner = '', friend = '' } = params(request);
    const user = app.users.get(friend);
    if (!app.users.has(owner) || !user) return sendError(reply, resourceNotFound());
    if ((app.contacts.get(owner)?.length ?? 0) >= MAX_CONTACTS)
      return sendError(reply, exceedLimit("Inviter's contact max count"));
    addContact(app, owner, friend);
    addContact(app, friend, owner);
    return answer(ctx, request, app, `/users/${owner}/contacts/users/${friend}`, undefined, 'post', {
      entities: [
        {
          uuid: user.uuid,
          type: 'user',
          created: user.created,
          modified: user.modified,
          username: friend,
          activated: true,
          ...(app.profiles.get(friend)?.['nickname']
            ? { nickname: app.profiles.get(friend)?.['nickname'] }
            : {}),
        },
      ],
    });
  });

  // Import a friend list, ≤ 10 per call; one-way or two-way per the `contactImport` option (§2.4).
  server.post('/:org/:app/users/:owner/contacts/import', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'contacts');
    if (!app) return;
    const owner = params(request)['owner'] ?? '';
    if (!app.users.has(owner)) return sendError(reply, resourceNotFound());
    const body = await objectBody(request, reply);
    if (!body) return;
    const usernames = body['usernames'];
    if (!isStringList(usernames) || usernames.length === 0)
      return sendError(reply, illegalArgument('usernames must be a list of user ids'));
    if (usernames.length > MAX_IMPORT)
      return sendError(reply, illegalArgument(`request user over flow limit:${MAX_IMPORT}`));
    const result = {
      success: [] as string[],
      UnKnowFailed: [] as string[],
      NotExistFailed: [] as string[],
      maxLimitFailed: [] as string[],
    };
    for (const friend of usernames) {
      if (!app.users.has(friend) || friend === owner) result.NotExistFailed.push(friend);
      else if ((app.contacts.get(owner)?.length ?? 0) >= MAX_CONTACTS) result.maxLimitFailed.push(friend);
      else {
        addContact(app, owner, friend);
        if (ctx.options.contactImport !== 'one-way') addContact(app, friend, owner);
        result.success.push(friend);
      }
    }
    return answer(ctx, request, app, `/users/${owner}/contacts/import`, result, 'post');
  });

  // The whole list (≤ 3000), newest first, ids only (§2.4).
  server.get('/:org/:app/users/:owner/contacts/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'contacts');
    if (!app) return;
    const owner = params(request)['owner'] ?? '';
    if (!app.users.has(owner)) return sendError(reply, resourceNotFound());
    const data = [...(app.contacts.get(owner) ?? [])].reverse().slice(0, MAX_CONTACTS);
    return answer(ctx, request, app, `/users/${owner}/contacts/users`, data, 'get', { count: data.length });
  });

  // Block users: ≤ 500 per user; any user can be blocked, a blocked friend stays a friend (§2.5).
  server.post('/:org/:app/users/:owner/blocks/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'blocks');
    if (!app) return;
    const owner = params(request)['owner'] ?? '';
    if (!app.users.has(owner)) return sendError(reply, resourceNotFound());
    const body = await objectBody(request, reply);
    if (!body) return;
    const usernames = body['usernames'];
    if (!isStringList(usernames) || usernames.length === 0)
      return sendError(reply, illegalArgument('usernames must be a list of user ids'));
    const unknown = usernames.find((u) => !app.users.has(u));
    if (unknown !== undefined) return sendError(reply, resourceNotFound(`user ${unknown} not found`));
    const list = app.blocks.get(owner) ?? [];
    const fresh = [...new Set(usernames)].filter((u) => !list.includes(u));
    if (list.length + fresh.length > MAX_BLOCKS)
      return sendError(reply, exceedLimit(`the blocklist can not exceed ${MAX_BLOCKS} users`));
    list.push(...fresh);
    app.blocks.set(owner, list);
    return answer(ctx, request, app, `/users/${owner}/blocks/users`, usernames, 'post');
  });

  // Blocked users by page, newest first, `pageSize` 1–50 with a cursor; no block time (§2.5).
  server.get('/:org/:app/users/:owner/blocks/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'blocks');
    if (!app) return;
    const owner = params(request)['owner'] ?? '';
    if (!app.users.has(owner)) return sendError(reply, resourceNotFound());
    const size = intParam(query(request)['pageSize'], 1, MAX_BLOCK_PAGE, MAX_BLOCK_PAGE);
    const offset = decodeCursor(query(request)['cursor']);
    if (size === null || offset === null)
      return sendError(reply, illegalArgument('pageSize must be 1 to 50 and cursor one this API returned'));
    const { items, cursor } = page([...(app.blocks.get(owner) ?? [])].reverse(), offset, size);
    return answer(ctx, request, app, `/users/${owner}/blocks/users`, items, 'get', {
      entities: [],
      ...(cursor ? { cursor } : {}),
      count: items.length,
    });
  });
}
