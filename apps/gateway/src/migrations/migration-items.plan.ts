import {
  MIGRATION_KINDS,
  type HistoryMessage,
  type MigrationBlock,
  type MigrationCapabilities,
  type MigrationContact,
  type MigrationKind,
  type MigrationMember,
  type MigrationMute,
  type ProviderCapabilities,
} from '@im-gateway/types';
import { relayedContent } from '../bridges/relay/relay-content.js';

/**
 * Each item's key, conversation and order, and whether it is skipped when read: pure functions of the
 * contract item and the target's declared capabilities.
 */

/** An item as a job stores it: the key unique within its kind, and for ordered kinds where it goes. */
export interface PlannedItem {
  sourceKey: string;
  conversationKey: string | null;
  orderKey: string | null;
  status: 'pending' | 'skipped';
  reason: string | null;
}

/**
 * The conversation of a message, in the form the live relay keys its relays by (relay-source.ts
 * `relayConversationId`): a group or room by its id, a one-to-one conversation by both users' ids, sorted.
 * Both sides using one form is what lets the relay gate find a job's pending history for a relay. The import
 * lanes tell one-to-one conversations by the `|` (`MigrationItemRepository.pendingKeys`), to give each
 * history import API lanes of its own; a group id with a `|` in it would only be imported among them, in the
 * same order.
 */
export function historyConversationKey(m: HistoryMessage): string {
  return m.conversation.type === 'direct' ? [m.from, m.to].sort().join('|') : m.conversation.id;
}

/**
 * Sorts a conversation's history oldest first and, within one sent time, in the order the source gave it
 * (`sequence`: a running count over the job's read), as fixed-width text both engines sort alike.
 */
export function historyOrderKey(m: HistoryMessage, sequence: number): string {
  return `${String(Math.max(0, m.sentAt)).padStart(15, '0')}:${String(sequence).padStart(12, '0')}`;
}

/** The key of an item within its kind: the id it has at the source, or its pair of ids. */
export function sourceKeyOf(kind: MigrationKind, item: unknown): string {
  switch (kind) {
    case 'accounts':
    case 'profiles':
      return (item as { userId: string }).userId;
    case 'groups':
      return (item as { groupId: string }).groupId;
    case 'chatrooms':
      return (item as { roomId: string }).roomId;
    case 'members':
    case 'mutes': {
      const m = item as MigrationMember | MigrationMute;
      return `${m.groupId}→${m.userId}`;
    }
    case 'contacts': {
      const c = item as MigrationContact;
      return `${c.owner}→${c.friend}`;
    }
    case 'blocklists': {
      const b = item as MigrationBlock;
      return `${b.owner}→${b.blocked}`;
    }
    case 'history':
      return (item as HistoryMessage).messageId;
  }
}

/**
 * The group (members, mutes), owner (contacts, blocklists) or conversation an item of a kind is imported
 * with; null for the kinds imported item by item.
 */
const BATCH_KEYS: Record<MigrationKind, ((item: unknown) => string) | null> = {
  accounts: null,
  profiles: null,
  groups: null,
  chatrooms: null,
  members: (item) => (item as MigrationMember).groupId,
  mutes: (item) => (item as MigrationMember).groupId,
  contacts: (item) => (item as MigrationContact).owner,
  blocklists: (item) => (item as MigrationContact).owner,
  history: (item) => historyConversationKey(item as HistoryMessage),
};

/** The kinds imported per group, owner or conversation: their items carry that key. */
export const KEYED_KINDS: ReadonlySet<MigrationKind> = new Set(
  MIGRATION_KINDS.filter((kind) => BATCH_KEYS[kind] !== null),
);

function batchKeyOf(kind: MigrationKind, item: unknown): string | null {
  return BATCH_KEYS[kind]?.(item) ?? null;
}

/** Why the target cannot take a message, or null (read-time checks; the writer may still refuse it). */
export function historySkipReason(
  m: HistoryMessage,
  target: MigrationCapabilities | undefined,
  targetName: string,
): string | null {
  if (m.recalled) return 'recalled at the source';
  const accepted = target?.history.import.contents[m.conversation.type];
  if (!accepted) return `${targetName} cannot import ${m.conversation.type} history`;
  const refused = m.contents.map((c) => c.type).filter((t) => !accepted.includes(t));
  if (refused.length > 0)
    return `${targetName} cannot import ${[...new Set(refused)].join(', ')} messages into a ${m.conversation.type} conversation`;
  return null;
}

/**
 * A message's contents as the target can take them, shaped as the live relay shapes a copy (so a message
 * crosses the same way by either path): fields the target has no place for (an Easemob `secret` or file
 * `name`) are dropped, an Easemob custom event travels as Tencent custom data. The contents the target has no
 * message for are left out; when none is left, the reason the message is skipped.
 */
export function historyContentsFor(
  m: HistoryMessage,
  target: ProviderCapabilities,
  targetName: string,
): HistoryMessage | { skip: string } {
  const contents: HistoryMessage['contents'] = [];
  const skipped: string[] = [];
  for (const content of m.contents) {
    const shaped = relayedContent(content, target, targetName);
    if ('skip' in shaped) skipped.push(shaped.skip);
    else contents.push(shaped.content);
  }
  if (contents.length === 0) return { skip: skipped.join('; ') || 'the message has no content' };
  return { ...m, contents };
}

/**
 * An item as read, planned: its keys, and skipped when the kind cannot be imported (`kindSkip`), when a
 * message cannot be, or when a message was already relayed live (its pair exists: `relayedLive`).
 */
export function planItem(
  kind: MigrationKind,
  item: unknown,
  context: {
    kindSkip: string | null;
    target: MigrationCapabilities | undefined;
    targetName: string;
    sequence: number;
    relayedLive: ReadonlySet<string>;
  },
): PlannedItem {
  const sourceKey = sourceKeyOf(kind, item);
  const conversationKey = batchKeyOf(kind, item);
  const orderKey = kind === 'history' ? historyOrderKey(item as HistoryMessage, context.sequence) : null;
  let reason = context.kindSkip;
  if (!reason && kind === 'history') {
    const m = item as HistoryMessage;
    reason = context.relayedLive.has(m.messageId)
      ? 'relayed live'
      : historySkipReason(m, context.target, context.targetName);
  }
  return { sourceKey, conversationKey, orderKey, status: reason ? 'skipped' : 'pending', reason };
}
