import type { BridgeKind } from '@im-gateway/persistence';
import type { UnifiedEvent } from '@im-gateway/types';

/** Event types a bridge repeats on the other side. */
export const RELAYED_EVENT_TYPES = ['message.sent', 'message.recalled'] as const;

/**
 * The bridge kind of a message event's conversation, or null for what bridges do not carry (threads,
 * official accounts, a message with no conversation). Tencent AVChatRoom groups are chat rooms here.
 * Easemob reports group and chat-room messages alike (`groupchat`): such a `group` may still turn out to be
 * a chat room when the relay looks its id up in the chat-room table.
 */
export function bridgeKindOf(event: Pick<UnifiedEvent, 'conversation' | 'data'>): BridgeKind | null {
  switch (event.conversation?.type) {
    case 'direct':
      return 'direct';
    case 'chatroom':
      return 'chatroom';
    case 'group':
      return event.data.groupType === 'AVChatRoom' ? 'chatroom' : 'group';
    default:
      return null;
  }
}

/** The key that orders a conversation's relays: both directions of a direct chat share one. */
export function relayConversationId(
  kind: BridgeKind,
  event: Pick<UnifiedEvent, 'conversation' | 'message'>,
): string | null {
  if (kind !== 'direct') return event.conversation?.id ?? null;
  const { from, to } = event.message ?? {};
  if (!from || !to) return null;
  return [from, to].sort().join('|');
}

/** Why a `message.sent` event is not a new message to relay, or null when it is one. */
export function notRelayable(event: Pick<UnifiedEvent, 'message' | 'data'>): string | null {
  if (!event.message?.id) return 'the message has no id';
  // Tencent reports a failed 1:1 send as message.sent with ok: false; nobody received it.
  if (event.data.ok === false) return 'the vendor reports the send failed';
  // Easemob's chat_offline callbacks repeat a message for a recipient who was offline: not a new message.
  if (event.data.offline === true) return 'an offline-delivery copy of a message';
  return null;
}

/** The vendor message ids a `message.recalled` event names (Easemob one, Tencent a list). */
export function recalledMessageIds(event: Pick<UnifiedEvent, 'data'>): string[] {
  const { messageId, messageIds } = event.data;
  const ids = Array.isArray(messageIds) ? messageIds : [messageId];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}
