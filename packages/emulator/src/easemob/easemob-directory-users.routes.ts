import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isObject, parseJson } from '../common/http-helpers.js';
import { easemobError, invalidBody } from './easemob-errors.js';
import {
  admit,
  answer,
  decodeCursor,
  illegalArgument,
  intParam,
  isStringList,
  objectBody,
  page,
  params,
  query,
} from './easemob-directory.helpers.js';
import { sendError, type EasemobContext } from './easemob.context.js';
import type { EasemobApp } from './easemob.types.js';

// User ids: 1–64 of a-z 0-9 _ - . ; upper case is folded to lower case (easemob.md §5).
const USERNAME = /^[a-z0-9_.-]{1,64}$/;
// Users per batch registration (migration facts §2.1).
const MAX_BATCH = 60;
// User attributes: ≤ 2 KB per user, and the lengths of the keys the clients use (§2.3).
const MAX_METADATA_BYTES = 2 * 1024;
const KEY_LIMITS: Record<string, number> = {
  nickname: 64,
  avatarurl: 256,
  phone: 32,
  mail: 64,
  sign: 256,
  birth: 64,
};
const MAX_METADATA_TARGETS = 100;

const duplicate = (app: EasemobApp, name: string) =>
  easemobError(
    400,
    'duplicate_unique_property_exists',
    `Application ${app.uuid} Entity user requires that property named username be unique, value of ${name} exists`,
    'DuplicateUniquePropertyExistsException',
  );

/** Adds a user to the app (registration and seeding). */
export function addUser(app: EasemobApp, username: string, password: string, created: number) {
  const user = { uuid: randomUUID(), username, password, created, modified: created };
  app.users.set(username, user);
  return user;
}

const entity = (user: { uuid: string; username: string; created: number; modified: number }) => ({
  uuid: user.uuid,
  type: 'user',
  created: user.created,
  modified: user.modified,
  username: user.username,
  activated: true,
});

/** Registration, the user list and user attributes (migration facts §2.1–2.3). */
export function registerEasemobUserRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  // One object (rest_register_user.json) or an array of ≤ 60 (authorized batch registration).
  server.post('/:org/:app/users', async (request, reply) => {
    const app = await ctx.authorized(request, reply);
    if (!app) return;
    const parsed = parseJson(request.body);
    if (!parsed.ok) return sendError(reply, invalidBody());
    const batch = Array.isArray(parsed.value);
    const list = batch ? (parsed.value as unknown[]) : [parsed.value];
    if (list.length === 0 || !list.every(isObject)) return sendError(reply, invalidBody());
    if (list.length > MAX_BATCH)
      return sendError(reply, illegalArgument(`the number of users can not exceed ${MAX_BATCH}`));
    const limited = ctx.limits.check(app.appKey, 'accounts', 1);
    if (limited) return sendError(reply, limited);
    const wanted = new Map<string, string>();
    const existing: string[] = [];
    for (const entry of list) {
      const raw = entry['username'];
      const name = typeof raw === 'string' ? raw.toLowerCase() : '';
      if (!USERNAME.test(name))
        return sendError(reply, illegalArgument(`username ${String(raw)} is not legal`));
      const password = entry['password'];
      if (typeof password !== 'string' || password.length === 0) {
        return sendError(reply, illegalArgument('password or pin must provided'));
      }
      if (password.length > 64) return sendError(reply, illegalArgument('password is not legal'));
      // The same username twice in one body is refused (with different passwords, §2.1).
      const seen = wanted.get(name);
      if (seen !== undefined && seen !== password) return sendError(reply, duplicate(app, name));
      if (app.users.has(name)) {
        // A single registration of an existing user fails; in a batch it is reported and skipped (§2.1).
        if (!batch) return sendError(reply, duplicate(app, name));
        if (!existing.includes(name)) existing.push(name);
        continue;
      }
      wanted.set(name, password);
    }
    const now = ctx.now();
    const entities = [...wanted].map(([username, password]) => entity(addUser(app, username, password, now)));
    const { path, uri, timestamp, organization, application, action, duration, applicationName } =
      ctx.envelope(request, app, '/users', null);
    return {
      action,
      application,
      path,
      uri,
      entities,
      ...(batch && existing.length > 0
        ? {
            data: existing.map((username) => ({
              username,
              registerUserFailReason: 'the user already exists',
            })),
          }
        : {}),
      timestamp,
      duration,
      organization,
      applicationName,
    };
  });

  // Every user in creation order, `limit` 1–100 (default 10), with a cursor while more remain (§2.2).
  server.get('/:org/:app/users', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'accounts');
    if (!app) return;
    const limit = intParam(query(request)['limit'], 1, 100, 10);
    const offset = decodeCursor(query(request)['cursor']);
    if (limit === null || offset === null)
      return sendError(reply, illegalArgument('limit must be 1 to 100 and cursor one this API returned'));
    const users = [...app.users.values()].sort((a, b) => a.created - b.created);
    const { items, cursor } = page(users, offset, limit);
    // The list's `nickname` is the push nickname, which the emulator does not keep: it is left out.
    const entities = items.map(entity);
    return answer(ctx, request, app, '/users', undefined, 'get', {
      entities,
      ...(cursor ? { cursor } : {}),
      count: entities.length,
    });
  });

  // Set attributes: form-urlencoded only (a JSON body gets 415), ≤ 2 KB per user (§2.3).
  server.put('/:org/:app/metadata/user/:username', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'metadata');
    if (!app) return;
    const type = String(request.headers['content-type'] ?? '');
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      return sendError(
        reply,
        easemobError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Content type '${type}' not supported`,
          'HttpMediaTypeNotSupportedException',
        ),
      );
    }
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const username = params(request)['username'] ?? '';
    const next = { ...(app.profiles.get(username) ?? {}) };
    for (const [key, value] of form) {
      const max = KEY_LIMITS[key];
      if (max !== undefined && [...value].length > max)
        return sendError(reply, illegalArgument(`${key} exceeds ${max} characters`));
      if (key === 'gender' && !['0', '1', '2'].includes(value))
        return sendError(reply, illegalArgument('gender must be 0, 1 or 2'));
      next[key] = value;
    }
    if (Buffer.byteLength(JSON.stringify(next)) > MAX_METADATA_BYTES)
      return sendError(reply, illegalArgument('user metadata exceeds 2 KB'));
    app.profiles.set(username, next);
    return { timestamp: Date.now(), data: next, duration: 0 };
  });

  // Batch get: ≤ 100 targets; missing users or keys come back as `{}` (§2.3). An empty `properties`
  // returns every key (the docs do not say; a client asking for none would not call).
  server.post('/:org/:app/metadata/user/get', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'metadata');
    if (!app) return;
    const body = await objectBody(request, reply);
    if (!body) return;
    const targets = body['targets'];
    const properties = body['properties'] ?? [];
    if (!isStringList(targets) || targets.length === 0 || !isStringList(properties))
      return sendError(reply, illegalArgument('targets and properties must be lists of strings'));
    if (targets.length > MAX_METADATA_TARGETS)
      return sendError(reply, illegalArgument(`targets size can not exceed ${MAX_METADATA_TARGETS}`));
    const data: Record<string, Record<string, string>> = {};
    for (const user of targets) {
      const stored = app.profiles.get(user) ?? {};
      data[user] =
        properties.length === 0
          ? { ...stored }
          : Object.fromEntries(properties.filter((k) => k in stored).map((k) => [k, stored[k] ?? '']));
    }
    return { timestamp: Date.now(), data, duration: 0 };
  });
}
