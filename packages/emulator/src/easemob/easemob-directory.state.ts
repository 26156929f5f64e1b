import type { RecordedMessage } from '../common/message-store.js';
import type { EasemobApp, EasemobHistoryRecord } from './easemob.types.js';

type Directory = Pick<
  EasemobApp,
  'users' | 'profiles' | 'contacts' | 'blocks' | 'groups' | 'rooms' | 'history' | 'lastImported'
>;

/** A new app's (or a reset app's) empty state. */
export function emptyDirectory(): Directory {
  return {
    users: new Map(),
    profiles: new Map(),
    contacts: new Map(),
    blocks: new Map(),
    groups: new Map(),
    rooms: new Map(),
    history: [],
    lastImported: new Map(),
  };
}

/**
 * The export's `bodies[]` entry: the REST body plus `type`, "as in the send API" (migration facts §2.11).
 */
export function exportBody(type: string, body: unknown): Record<string, unknown> {
  return { ...(body as Record<string, unknown>), type };
}

/** An accepted message as the history export lays it out. */
export function historyRecord(message: RecordedMessage, source: 'sent' | 'imported'): EasemobHistoryRecord {
  const ext = (message.ext ?? {}) as Record<string, unknown>;
  return {
    msg_id: message.id,
    timestamp: message.receivedAt,
    direction: 'outgoing',
    to: message.to,
    from: message.from,
    chat_type: message.chatType as EasemobHistoryRecord['chat_type'],
    payload: { bodies: [exportBody(message.type, message.body)], ext, from: message.from, to: message.to },
    source,
  };
}

/** The import-order key of a conversation: a pair of users (either direction) or a group. */
export function conversationKey(chatType: 'chat' | 'groupchat', from: string, to: string): string {
  return chatType === 'groupchat' ? `groupchat:${to}` : `chat:${[from, to].sort().join('|')}`;
}

/** Adds `friend` to `owner`'s list unless present; answers whether it was added. */
export function addContact(app: EasemobApp, owner: string, friend: string): boolean {
  const list = app.contacts.get(owner) ?? [];
  app.contacts.set(owner, list);
  if (list.includes(friend)) return false;
  list.push(friend);
  return true;
}
