import type { EventType } from '@im-gateway/types';
import {
  EASEMOB_BODY_TYPES,
  EASEMOB_GROUP_OP_EVENT_TYPES,
  EASEMOB_MESSAGE_CHAT_TYPES,
  EASEMOB_MODERATION_RESULTS,
  EASEMOB_MUC_EVENT_TYPES,
  EASEMOB_PUSH_STATUSES,
  EASEMOB_ROSTER_EVENT_TYPES,
  EASEMOB_USER_STATUS_REASONS,
} from './easemob-callback.types.js';

function messageKinds(prefix: string, type: EventType): [string, EventType][] {
  return EASEMOB_MESSAGE_CHAT_TYPES.flatMap((c) =>
    EASEMOB_BODY_TYPES.map((b): [string, EventType] => [`${prefix}${c}:${b}`, type]),
  );
}

/**
 * Every kind the classifier names and the gateway maps, with its unified type (`a / b` when a field of the body decides). The README mapping table
 * lists each of them (a spec parses it), so documentation and code cannot drift apart.
 */
export const EASEMOB_CALLBACK_KINDS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(messageKinds('', 'message.sent')),
  ...Object.fromEntries(messageKinds('presend:', 'message.send.requested')),
  ...Object.fromEntries(EASEMOB_BODY_TYPES.map((b) => [`message:${b}`, 'provider.unknown'])),
  recall: 'message.recalled',
  read_ack: 'message.read',
  delivery_ack: 'message.delivered',
  channel_ack: 'conversation.read',
  edit: 'message.edited',
  'sensitiveWords:intercepted': 'message.blocked',
  reaction: 'message.reaction.changed',
  thread: 'thread.updated',
  ...Object.fromEntries(Object.entries(EASEMOB_MUC_EVENT_TYPES).map(([op, t]) => [`muc:${op}`, t])),
  ...Object.fromEntries(Object.entries(EASEMOB_ROSTER_EVENT_TYPES).map(([op, t]) => [`roster:${op}`, t])),
  ...Object.fromEntries(Object.entries(EASEMOB_GROUP_OP_EVENT_TYPES).map(([op, t]) => [`group_op:${op}`, t])),
  ...Object.fromEntries(
    EASEMOB_USER_STATUS_REASONS.map((r) => [
      `userStatus:${r}`,
      r === 'login' ? 'user.online' : 'user.offline',
    ]),
  ),
  userStatus: 'user.online / user.offline',
  ...Object.fromEntries(EASEMOB_PUSH_STATUSES.map((s) => [`offline_push:${s}`, 'message.push.completed'])),
  ...Object.fromEntries(EASEMOB_MODERATION_RESULTS.map((r) => [`moderation:${r}`, 'message.moderated'])),
});

/** Kinds for things the gateway does not know (published as `provider.unknown`), as written in the README. */
export const EASEMOB_UNKNOWN_KIND_PATTERNS = [
  'muc:<other>',
  'roster:<other>',
  'group_op:<other>',
  'notify:<other>',
  'sensitiveWords:<other>',
  'offline_push:<other>',
  'moderation:<other>',
  '<other chat_type>',
  'unknown',
] as const;
