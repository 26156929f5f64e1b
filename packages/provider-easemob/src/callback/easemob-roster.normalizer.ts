import { readString } from '@im-gateway/provider-kit/callback';
import {
  compact,
  operationStatus,
  unknownDraft,
  userField,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { EASEMOB_ROSTER_EVENT_TYPES } from './easemob-callback.types.js';

/**
 * Contact (roster) operations, seed 000 §好友关系操作: `from` acted (`AppKey_user@easemob.com` form),
 * `to` is the other user. `accept`/`decline` reach the user who answered, `remote_*` the requester.
 */
export function normalizeEasemobRoster(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload } = input;
  const operation = readString(payload.operation) ?? '';
  const from = userField(input, body.from, 'from');
  const to = userField(input, body.to, 'to');
  const data = compact({
    operation,
    reason: readString(payload.reason),
    rosterVer: readString(payload.roster_ver),
    ...operationStatus(payload.status),
    ...from.data,
    ...to.data,
  });
  const common = {
    occurredAt: input.occurredAt,
    ...(from.id ? { actor: from.id } : {}),
    ...(to.id ? { subjects: [to.id] } : {}),
  };
  const type = Object.hasOwn(EASEMOB_ROSTER_EVENT_TYPES, operation)
    ? EASEMOB_ROSTER_EVENT_TYPES[operation]
    : undefined;
  if (type === undefined) return [{ ...unknownDraft(input, data), ...common }];
  return [{ type, ...common, data }];
}
