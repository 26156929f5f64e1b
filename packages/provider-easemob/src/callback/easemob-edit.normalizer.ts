import { isRecord, isoFromMillis, readId, readNumber, readString } from '@im-gateway/provider-kit/callback';
import {
  compact,
  userField,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { isEasemobAppAdmin } from './easemob-ids.js';
import { easemobContents } from './easemob-message-content.js';
import { easemobMessage, type EasemobMessageRoute } from './easemob-message.normalizer.js';

/**
 * Message edit (`chat_type: "edit"`, easemob.md §4.4 item 9): `payload.edit_message_id` is the edited
 * message, `payload.bodies` its new content, `payload.meta.edit_msg` who edited it and when. The envelope's
 * own `from`/`to` may differ from the payload's (the vendor example does): the message follows the payload
 * and the envelope values stay in `data`.
 */
export function normalizeEasemobEdit(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload } = input;
  const meta = isRecord(payload.meta) && isRecord(payload.meta.edit_msg) ? payload.meta.edit_msg : {};
  const from = userField(input, payload.from ?? meta.sender ?? body.from, 'from');
  const to = userField(input, payload.to ?? body.to, 'to');
  const groupId = readId(body.group_id);
  const operator = readString(meta.operator);
  const admin = isEasemobAppAdmin(operator);
  const actor = admin ? undefined : (userField(input, operator, 'operator').id ?? from.id);
  const route: EasemobMessageRoute = {
    ...(groupId
      ? { conversation: { type: 'group', id: groupId } }
      : from.id
        ? { conversation: { type: 'direct', id: from.id } }
        : {}),
    from: from.id,
    to: groupId ?? to.id,
    data: {},
  };
  const sentAt = isoFromMillis(readNumber(meta.send_time)) ?? input.occurredAt;
  const built = easemobMessage(
    input,
    route,
    easemobContents(payload.bodies),
    payload.ext,
    payload.edit_message_id,
    sentAt,
  );
  const data = compact({
    editMessageId: readId(body.msg_id),
    editCount: readNumber(meta.count),
    editedAt: isoFromMillis(readNumber(meta.edit_time)),
    operator,
    byAppAdmin: admin ? true : undefined,
    envelopeFrom: readString(body.from),
    envelopeTo: readString(body.to),
    ...from.data,
    ...to.data,
    missing: 'missing' in built ? built.missing : undefined,
    contents: 'missing' in built ? easemobContents(payload.bodies) : undefined,
  });
  return [
    {
      type: 'message.edited',
      occurredAt: input.occurredAt,
      ...(route.conversation ? { conversation: route.conversation } : {}),
      ...(actor ? { actor } : {}),
      ...('message' in built ? { message: built.message } : {}),
      data,
    },
  ];
}
