import { isRecord, readBoolean, readId, readString } from '@im-gateway/provider-kit/callback';
import type { EventType } from '@im-gateway/types';
import {
  compact,
  userField,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';

const ACK_TYPES: Readonly<Record<string, EventType>> = {
  recall: 'message.recalled',
  read_ack: 'message.read',
  delivery_ack: 'message.delivered',
  // A single-chat "conversation read" receipt (easemob.md §4.4, callback_single_conversation_ack).
  channel_ack: 'conversation.read',
};

/**
 * Recall and receipts refer to another message without carrying it, so the referenced id goes to
 * `data.messageId` (`recall_id` / `payload.ack_message_id`) and the callback's own `msg_id` to
 * `data.eventMessageId`. `from` is the user who acted (recaller, reader), `to` the other party.
 */
export function normalizeEasemobAck(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload, classification } = input;
  const from = userField(input, body.from, 'from');
  const to = userField(input, body.to, 'to');
  const groupId = readId(body.group_id);
  const msgConfig = isRecord(payload.msg_config) ? payload.msg_config : {};
  const messageId =
    classification.kind === 'recall'
      ? (readId(body.recall_id) ?? readId(payload.ack_message_id))
      : (readId(payload.ack_message_id) ?? readId(body.recall_id));
  // Receipts without group_id are single-chat ones (seed 000 §发送已读回执: eventType chat = 单聊); a
  // recall does not say, so it gets a conversation only when group_id names the group.
  const direct = classification.kind !== 'recall' && groupId === undefined && from.id !== undefined;
  const conversation = groupId
    ? { type: 'group' as const, id: groupId }
    : direct && from.id
      ? { type: 'direct' as const, id: from.id }
      : undefined;
  return [
    {
      type: ACK_TYPES[classification.kind] ?? 'provider.unknown',
      occurredAt: input.occurredAt,
      ...(conversation ? { conversation } : {}),
      ...(from.id ? { actor: from.id } : {}),
      data: compact({
        messageId,
        eventMessageId: readId(body.msg_id),
        to: to.id,
        eventType: body.eventType,
        ...from.data,
        ...to.data,
        // The newer group read-receipt shape (easemob.md §4.4, callback_group_read_ack).
        contentType: readString(body.content_type),
        channelUser: body.channel_user,
        writedChannel: body.writed_channel,
        allowGroupAck: readBoolean(msgConfig.allow_group_ack),
      }),
    },
  ];
}
