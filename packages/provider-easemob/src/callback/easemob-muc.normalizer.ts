import { readBoolean, readId, readString } from '@im-gateway/provider-kit/callback';
import {
  compact,
  operationStatus,
  unknownDraft,
  userField,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { EASEMOB_MUC_EVENT_TYPES } from './easemob-callback.types.js';
import { parseEasemobId } from './easemob-ids.js';
import { parseUploadedFile } from './easemob-muc-file.js';

/**
 * Who an operation was done to. The legacy muc callbacks list no members: in the seed examples `from` is
 * the operator and `to` the member acted on (kick, admin, mute...), while self-service operations (join,
 * leave, block) have the member in `from`.
 */
const SUBJECT_IS_TO: ReadonlySet<string> = new Set([
  'apply_accept',
  'invite',
  'kick',
  'ban',
  'allow',
  'assing_owner',
  'add_admin',
  'remove_admin',
  'add_mute',
  'remove_mute',
  'add_user_white_list',
  'remove_user_white_list',
]);
const SUBJECT_IS_ACTOR: ReadonlySet<string> = new Set([
  'invite_accept',
  'invite_decline',
  'presence',
  'absence',
  'direct_joined',
  'leave',
  'block',
  'unblock',
]);

/** Legacy group / chat-room operations (`chat_type: "muc"`, seed 000 §群组和聊天室操作). */
export function normalizeEasemobMuc(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload } = input;
  const operation = readString(payload.operation) ?? '';
  const isChatroom = readBoolean(payload.is_chatroom);
  const groupId = readId(body.group_id) ?? parseEasemobId(payload.muc_id, input.appKeys).id;
  const from = userField(input, body.from, 'from');
  const to = userField(input, body.to, 'to');
  const target = to.id !== undefined && to.id !== groupId ? to.id : undefined;
  const subject = SUBJECT_IS_TO.has(operation)
    ? target
    : SUBJECT_IS_ACTOR.has(operation)
      ? from.id
      : undefined;
  const reason = readString(payload.reason);
  const data = compact({
    operation,
    isChatroom,
    reason,
    ...operationStatus(payload.status),
    to: readString(body.to),
    ...from.data,
    mucId: readString(payload.muc_id),
    // upload_file packs the file record into `reason` as JSON; delete_file puts the file id there.
    file: operation === 'upload_file' ? parseUploadedFile(reason) : undefined,
    fileId: operation === 'delete_file' && reason ? reason : undefined,
    announcement: operation === 'update_announcement' ? reason : undefined,
  });
  const common = {
    occurredAt: input.occurredAt,
    // The seed's rule (EVENT-MODEL): `is_chatroom` decides; absent means group.
    ...(groupId
      ? {
          conversation: {
            type: isChatroom === true ? ('chatroom' as const) : ('group' as const),
            id: groupId,
          },
        }
      : {}),
    ...(from.id ? { actor: from.id } : {}),
    ...(subject ? { subjects: [subject] } : {}),
  };
  const type = Object.hasOwn(EASEMOB_MUC_EVENT_TYPES, operation)
    ? EASEMOB_MUC_EVENT_TYPES[operation]
    : undefined;
  if (type === undefined) return [{ ...unknownDraft(input, data), ...common }];
  return [{ type, ...common, data }];
}
