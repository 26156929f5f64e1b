import { isRecord, isoFromMillis, readId, readNumber, readString } from '@im-gateway/provider-kit/callback';
import {
  compact,
  unknownDraft,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { EASEMOB_GROUP_OP_EVENT_TYPES } from './easemob-callback.types.js';
import { isEasemobAppAdmin, plainEasemobId } from './easemob-ids.js';

function members(input: EasemobNormalizeInput, value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((m) => plainEasemobId(m, input.appKeys)).filter((m): m is string => m !== undefined);
}

/**
 * New-format group / chat-room events (`event: "group_op_event"`, easemob.md §4.4): `type` GROUP|CHATROOM,
 * `operation` + `payload.type`, `id` the group or room, `operator` the user (`@ppAdmin` for REST and
 * console calls), `payload.member` the users acted on. Pairs the gateway does not know are
 * `provider.unknown`, as the vendor announces new ones.
 */
export function normalizeEasemobGroupOp(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload, classification } = input;
  const groupId = readId(body.id);
  const operator = readString(body.operator);
  const admin = isEasemobAppAdmin(operator);
  const actor = admin ? undefined : plainEasemobId(operator, input.appKeys);
  const subjects = members(input, payload.member);
  const kind = classification.kind.slice('group_op:'.length);
  const expire = readNumber(payload.expire_timestamp);
  const data = compact({
    operation: readString(body.operation),
    operationType: readString(payload.type),
    groupType: readString(body.type),
    operator,
    byAppAdmin: admin ? true : undefined,
    memberCount: readNumber(body.member_count),
    // CREATE: `role` maps member → owner/admin; CREATE / UPDATE:INFO: `info` is the group profile, sent
    // with booleans and numbers as strings — kept as sent.
    roles: isRecord(payload.role) ? payload.role : undefined,
    info: isRecord(payload.info) ? payload.info : undefined,
    muteExpiresAt: isoFromMillis(expire),
    expireTimestamp: expire,
  });
  const common = {
    occurredAt: input.occurredAt,
    ...(groupId
      ? {
          conversation: {
            type: body.type === 'CHATROOM' ? ('chatroom' as const) : ('group' as const),
            id: groupId,
          },
        }
      : {}),
    ...(actor ? { actor } : {}),
    ...(subjects.length > 0 ? { subjects } : {}),
  };
  const type = Object.hasOwn(EASEMOB_GROUP_OP_EVENT_TYPES, kind)
    ? EASEMOB_GROUP_OP_EVENT_TYPES[kind]
    : undefined;
  if (type === undefined) return [{ ...unknownDraft(input, data), ...common }];
  return [{ type, ...common, data }];
}
