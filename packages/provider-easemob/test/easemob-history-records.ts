import type { HistoryMessage } from '@im-gateway/types';
import { classifyEasemobCallback } from '../src/callback/easemob-callback.classifier.js';
import { fromEasemobHistoryRecord } from '../src/migration/easemob-history.mapper.js';
import { FIXTURES } from './easemob-fixtures.js';

/**
 * The history records Easemob would hold for the messages of the post-send fixtures (chat history export,
 * migration facts §2.11), for the recovered-event table and the reconcile conformance check.
 */

type Body = Record<string, unknown>;

/**
 * The post-send envelope of the vendor's group example (groupchat-offline.json, seed 000 common fields) as
 * the online callback carries it: `eventType: chat`. Several examples print only the payload; a real
 * callback always has the envelope around it.
 */
const ENVELOPE = (() => {
  const { payload: _payload, ...envelope } = FIXTURES.load('groupchat-offline').body as Body;
  return { ...envelope, eventType: 'chat' };
})();

/** The post-send message fixtures: every content type (payload examples) and the enveloped ones. */
const MESSAGE_FIXTURES = FIXTURES.names().filter(
  (name) => classifyEasemobCallback(FIXTURES.load(name).body).family === 'message',
);

export interface PostSendRow {
  name: string;
  /** The online post-send callback of the message. */
  callback: Body;
  /** The export's chat_type for it (`chatroom` where the callback says `groupchat`). */
  exportChatType: string;
}

/** One online callback per fixture and chat type the message could be sent in. */
export function postSendRows(): PostSendRow[] {
  const out: PostSendRow[] = [];
  for (const name of MESSAGE_FIXTURES) {
    const body = FIXTURES.load(name).body as Body;
    const printed: Body = { ...ENVELOPE, ...body };
    // An offline copy (one per offline member, `to` = that member) stands for the same message whose online
    // callback names the group in `to`: that is the callback a recovered message stands in for.
    const online = { ...printed, eventType: 'chat', to: printed.group_id ?? printed.to };
    const direct = { ...online, chat_type: 'chat', to: 'user2' } as Body;
    delete direct.group_id;
    out.push({ name: `${name} (direct)`, callback: direct, exportChatType: 'chat' });
    out.push({ name: `${name} (group)`, callback: online, exportChatType: 'groupchat' });
    out.push({ name: `${name} (chat room)`, callback: online, exportChatType: 'chatroom' });
  }
  // Callbacks may name the sender by its JID (easemob.md §5); the export names it plainly.
  const decorated = { ...ENVELOPE, ...(FIXTURES.load('chat-txt-payload').body as Body) };
  out.push({
    name: 'decorated sender',
    callback: { ...decorated, chat_type: 'chat', from: 'org#app_user1@easemob.com/ios_1', to: 'user2' },
    exportChatType: 'chat',
  });
  return out;
}

const plain = (id: unknown) =>
  String(id)
    .replace(/^.*#app_/, '')
    .replace(/@.*$/, '');

/** The export record (§2.11) of the message the callback reports: same id, time, parties and bodies. */
export function exportRecord(callback: Body, chatType: string): Body {
  const payload = (callback.payload ?? {}) as Body;
  const from = plain(callback.from);
  const to = plain(callback.to);
  return {
    msg_id: callback.msg_id,
    timestamp: callback.timestamp,
    direction: 'outgoing',
    to,
    from,
    chat_type: chatType,
    payload: {
      bodies: payload.bodies ?? [],
      ...(payload.ext === undefined ? {} : { ext: payload.ext }),
      from,
      to,
    },
  };
}

/** The history message the export reader makes of a record. */
export function readBack(record: Body): HistoryMessage {
  const message = fromEasemobHistoryRecord(record);
  if (!message) throw new Error('the mapper refused the record');
  return message;
}

/**
 * History messages of every post-send fixture, as the export reader returns them, and one recalled (the
 * recall example's message): what the reconcile conformance check recovers events from.
 */
export function easemobHistoryMessages(): HistoryMessage[] {
  const messages = postSendRows().map((row) => readBack(exportRecord(row.callback, row.exportChatType)));
  const recall = FIXTURES.load('recall').body as Body;
  const recalled = exportRecord(
    {
      msg_id: recall.recall_id,
      timestamp: Number(recall.timestamp) - 60_000,
      from: recall.from,
      to: recall.to,
      payload: { ext: {}, bodies: [{ type: 'txt', msg: 'hello' }] },
    },
    'chat',
  );
  return [...messages, { ...readBack(recalled), recalled: true }];
}
