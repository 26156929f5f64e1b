import { readId } from '@im-gateway/provider-kit/callback';
import type { Conversation, MessageContent, UnifiedMessage } from '@im-gateway/types';
import {
  compact,
  unknownDraft,
  userField,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { easemobContent, easemobContents, easemobExt, easemobMentions } from './easemob-message-content.js';

/** The conversation a message-like callback belongs to, and the message's `to`. */
export interface EasemobMessageRoute {
  conversation?: Conversation;
  from?: string;
  to?: string;
  data: Record<string, unknown>;
}

/** Chat type from the classification: `groupchat:txt` → `groupchat`, `presend:chat:img` → `chat`. */
function chatTypeOf(kind: string): string {
  const parts = kind.split(':');
  return (parts[0] === 'presend' ? parts[1] : parts[0]) ?? '';
}

/**
 * Direct messages: the conversation is the peer seen from the receiving side, i.e. the sender. Group and
 * room messages: `group_id` (offline callbacks put the receiving member in `to`, easemob.md §4.1). Rooms
 * post as `groupchat` and cannot be told from groups; only an explicit `chatroom` chat type says room.
 */
export function easemobMessageRoute(input: EasemobNormalizeInput, chatType: string): EasemobMessageRoute {
  const from = userField(input, input.body.from, 'from');
  const to = userField(input, input.body.to, 'to');
  const data = { ...from.data, ...to.data };
  if (chatType === 'chat')
    return {
      ...(from.id ? { conversation: { type: 'direct', id: from.id } } : {}),
      from: from.id,
      to: to.id,
      data,
    };
  if (chatType === 'groupchat' || chatType === 'chatroom') {
    const groupId = readId(input.body.group_id) ?? to.id;
    const recipient = to.id !== undefined && to.id !== groupId ? { recipient: to.id } : {};
    return {
      ...(groupId
        ? { conversation: { type: chatType === 'chatroom' ? 'chatroom' : 'group', id: groupId } }
        : {}),
      from: from.id,
      to: groupId,
      data: { ...data, ...recipient },
    };
  }
  return { from: from.id, to: to.id, data };
}

/** The unified message, or the list of identity fields the callback lacked. */
export function easemobMessage(
  input: EasemobNormalizeInput,
  route: EasemobMessageRoute,
  contents: MessageContent[],
  ext: unknown,
  id: unknown = input.body.msg_id,
  sentAt: string = input.occurredAt,
): { message: UnifiedMessage } | { missing: string[] } {
  const messageId = readId(id);
  const missing = [
    ...(messageId === undefined ? ['msg_id'] : []),
    ...(route.from === undefined ? ['from'] : []),
    ...(route.to === undefined ? ['to'] : []),
  ];
  if (messageId === undefined || route.from === undefined || route.to === undefined) return { missing };
  const extension = easemobExt(ext);
  const mentions = easemobMentions(ext);
  return {
    message: {
      id: messageId,
      from: route.from,
      to: route.to,
      sentAt,
      contents,
      ...(extension ? { ext: extension } : {}),
      ...(mentions ? { mentions } : {}),
    },
  };
}

/**
 * Post-send messages (`chat` / `groupchat` / `chatroom`, `eventType` `chat` or `chat_offline`) and pre-send
 * requests. A message without `msg_id`, `from` or `to` cannot be published as one, so it becomes
 * `provider.unknown` carrying its mapped contents (the seed prints body examples without their envelope).
 */
export function normalizeEasemobMessage(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload, classification } = input;
  const presend = classification.family === 'presend';
  const chatType = chatTypeOf(classification.kind);
  const route = easemobMessageRoute(input, chatType);
  // A pre-send payload is one REST-shaped body (easemob.md §4.2); read `bodies[]` if one comes that way.
  const contents =
    presend && !Array.isArray(payload.bodies) ? [easemobContent(payload)] : easemobContents(payload.bodies);
  const offline = body.eventType === 'chat_offline';
  const data = compact({
    chatType: body.chat_type,
    eventType: body.eventType,
    // easemob.md §4.1: offline callbacks come once per offline member, `to` = that member.
    offline: offline ? true : undefined,
    ...route.data,
  });
  const built = easemobMessage(input, route, contents, payload.ext);
  if ('missing' in built)
    return [
      {
        ...unknownDraft(input, { ...data, missing: built.missing, contents }),
        ...conversationAndActor(route),
      },
    ];
  return [
    {
      type: presend ? 'message.send.requested' : 'message.sent',
      occurredAt: input.occurredAt,
      ...conversationAndActor(route),
      message: built.message,
      data,
    },
  ];
}

function conversationAndActor(route: EasemobMessageRoute): Pick<EasemobEventDraft, 'conversation' | 'actor'> {
  return {
    ...(route.conversation ? { conversation: route.conversation } : {}),
    ...(route.from ? { actor: route.from } : {}),
  };
}
