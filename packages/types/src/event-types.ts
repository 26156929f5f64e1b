/**
 * Every unified event type the gateway publishes. Dotted, lower case, `<subject>.<past-tense verb>`;
 * before-callbacks (the vendor asks first) use the `.requested` form of the operation.
 *
 * The list is closed on purpose: subscribers filter on it and the JSON Schema enumerates it. A vendor event
 * with no type here is published as `provider.unknown` — add a type rather than leave a documented vendor
 * event unknown. docs/event-model.md maps each type to the vendor events that produce it.
 */
export const EVENT_TYPES = [
  // messages
  'message.sent',
  'message.send.requested',
  'message.send.failed',
  'message.recalled',
  'message.edited',
  'message.read',
  'message.delivered',
  'message.blocked',
  'message.moderated',
  'message.reaction.changed',
  'message.extension.changed',
  'message.push.completed',
  'conversation.read',
  // threads (Easemob threads, Tencent community topics)
  'thread.created',
  'thread.create.requested',
  'thread.updated',
  'thread.destroyed',
  // groups and chat rooms
  'group.created',
  'group.create.requested',
  'group.destroyed',
  'group.updated',
  'group.full',
  'group.attributes.changed',
  'group.member.joined',
  'group.member.left',
  'group.member.removed',
  'group.member.banned',
  'group.member.unbanned',
  'group.member.muted',
  'group.member.unmuted',
  'group.member.updated',
  'group.member.presence.changed',
  'group.join.requested',
  'group.invite.requested',
  'group.invitation.sent',
  'group.invitation.declined',
  'group.admin.added',
  'group.admin.removed',
  'group.owner.transferred',
  'group.announcement.updated',
  'group.announcement.deleted',
  'group.file.uploaded',
  'group.file.deleted',
  'group.allowlist.added',
  'group.allowlist.removed',
  'group.muted',
  'group.unmuted',
  'group.blocked',
  'group.unblocked',
  // contacts and follows
  'contact.requested',
  'contact.response.requested',
  'contact.added',
  'contact.declined',
  'contact.removed',
  'contact.blocked',
  'contact.unblocked',
  'follow.added',
  'follow.removed',
  // users
  'user.online',
  'user.offline',
  'user.profile.updated',
  // official accounts (Tencent)
  'official_account.created',
  'official_account.create.requested',
  'official_account.updated',
  'official_account.destroyed',
  'official_account.subscriber.added',
  'official_account.subscriber.removed',
  // the vendor warns about the account itself (API quota, daily group quota)
  'app.alert',
  // the gateway's own: a reconciliation run ended (docs/reconciliation.md)
  'reconciliation.completed',
  // anything not classified: never an error, never dropped
  'provider.unknown',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && EVENT_TYPE_SET.has(value);
}

/**
 * Whether an event type matches a subscription pattern: an exact type, `*` (everything), or a prefix
 * wildcard such as `message.*` or `group.member.*` (which matches any depth below the prefix).
 */
export function eventTypeMatches(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  if (!pattern.endsWith('.*')) return false;
  return type.startsWith(pattern.slice(0, -1));
}

/** Whether a pattern matches at least one unified event type: a filter that matches none is a typo. */
export function isEventTypePattern(pattern: unknown): pattern is string {
  return typeof pattern === 'string' && EVENT_TYPES.some((type) => eventTypeMatches(pattern, type));
}
