import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isObject, parseJson } from '../common/http-helpers.js';
import { numericGroupId } from '../common/id-generator.js';
import { easemobError, invalidBody } from './easemob-errors.js';
import { sendError, type EasemobContext } from './easemob.context.js';

// User ids: 1–64 of a-z 0-9 _ - . ; upper case is folded to lower case (easemob.md §5).
const USERNAME = /^[a-z0-9_.-]{1,64}$/;

const illegal = (description: string) =>
  easemobError(400, 'illegal_argument', description, 'IllegalArgumentException');

/** User registration and group / chatroom creation, enough to populate `ids: 'registered'`. */
export function registerEasemobAccountRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  // `POST /{org}/{app}/users`: one object or an array (rest_register_user.json).
  server.post('/:org/:app/users', async (request, reply) => {
    const app = await ctx.authorized(request, reply);
    if (!app) return;
    const parsed = parseJson(request.body);
    if (!parsed.ok) return sendError(reply, invalidBody());
    const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    if (list.length === 0 || !list.every(isObject)) return sendError(reply, invalidBody());
    const limited = ctx.limits.check(app.appKey, 'accounts', 1);
    if (limited) return sendError(reply, limited);
    const names: string[] = [];
    for (const entry of list) {
      const raw = entry['username'];
      const name = typeof raw === 'string' ? raw.toLowerCase() : '';
      if (!USERNAME.test(name)) return sendError(reply, illegal(`username ${String(raw)} is not legal`));
      const password = entry['password'];
      if (typeof password !== 'string' || password.length === 0 || password.length > 64) {
        return sendError(reply, illegal('password is not legal'));
      }
      if (app.users.has(name) || names.includes(name)) {
        return sendError(
          reply,
          easemobError(
            400,
            'duplicate_unique_property_exists',
            `Application ${app.uuid} Entity user requires that property named username be unique, value of ${name} exists`,
            'DuplicateUniquePropertyExistsException',
          ),
        );
      }
      names.push(name);
    }
    const now = Date.now();
    const entities = names.map((username) => {
      app.users.add(username);
      return { uuid: randomUUID(), type: 'user', created: now, modified: now, username, activated: true };
    });
    const { path, uri, timestamp, organization, application, action, duration, applicationName } =
      ctx.envelope(request, app, '/users', null);
    return { action, application, path, uri, entities, timestamp, duration, organization, applicationName };
  });

  const createRoom = (kind: 'chatgroups' | 'chatrooms') =>
    server.post(`/:org/:app/${kind}`, async (request, reply) => {
      const app = await ctx.authorized(request, reply);
      if (!app) return;
      const parsed = parseJson(request.body);
      if (!parsed.ok || !isObject(parsed.value)) return sendError(reply, invalidBody());
      const body = parsed.value;
      const name = kind === 'chatgroups' ? body['groupname'] : body['name'];
      const owner = body['owner'];
      const members = body['members'] ?? [];
      if (typeof name !== 'string' || name === '' || typeof owner !== 'string' || owner === '') {
        return sendError(reply, invalidBody());
      }
      if (!Array.isArray(members) || !members.every((m) => typeof m === 'string'))
        return sendError(reply, invalidBody());
      if (ctx.registeredOnly) {
        const unknown = [owner, ...members].find((user) => !app.users.has(user.toLowerCase()));
        if (unknown !== undefined) {
          return sendError(
            reply,
            easemobError(
              404,
              'service_resource_not_found',
              'Service resource not found',
              'ServiceResourceNotFoundException',
            ),
          );
        }
      }
      const id = numericGroupId();
      (kind === 'chatgroups' ? app.groups : app.rooms).set(id, {
        owner,
        members: new Set([owner, ...members]),
      });
      const data = kind === 'chatgroups' ? { groupid: id } : { id };
      return ctx.envelope(request, app, `/${kind}`, data);
    });
  createRoom('chatgroups');
  createRoom('chatrooms');
}
