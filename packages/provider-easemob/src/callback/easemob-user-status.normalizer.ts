import { readString } from '@im-gateway/provider-kit/callback';
import {
  compact,
  unknownDraft,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { parseEasemobId } from './easemob-ids.js';

/**
 * Login / logout (seed 000 §用户登入登出): `user` is `{appkey}_{user}@easemob.com/{os}_{device}`, `status`
 * online/offline decides the type, `reason` (login / logout / replaced) goes to `data.reason`.
 */
export function normalizeEasemobUserStatus(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body } = input;
  const user = parseEasemobId(body.user, input.appKeys);
  const status = readString(body.status);
  const data = compact({
    status,
    reason: readString(body.reason),
    os: readString(body.os),
    ip: readString(body.ip),
    version: readString(body.version),
    userResource: typeof body.user === 'string' && body.user !== user.id ? body.user : undefined,
    device: user.resource,
  });
  const actor = user.id ? { actor: user.id } : {};
  if (status === 'online') return [{ type: 'user.online', occurredAt: input.occurredAt, ...actor, data }];
  if (status === 'offline') return [{ type: 'user.offline', occurredAt: input.occurredAt, ...actor, data }];
  return [{ ...unknownDraft(input, data), ...actor }];
}
