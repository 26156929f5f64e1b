import { describe, expect, it } from '@jest/globals';
import {
  CallbackRejectedError,
  messageKeysOf,
  unifiedEventProblems,
  type HistoryMessage,
  type UnifiedEventDraft,
} from '@im-gateway/types';
import { FIXTURES, fixtureContext } from '../../test/easemob-fixtures.js';
import { classifyEasemobCallback } from '../callback/easemob-callback.classifier.js';
import { normalizeEasemobCallback } from '../callback/easemob-callback.normalizer.js';
import { fromEasemobHistoryRecord } from '../migration/easemob-history.mapper.js';
import { CALLBACK_ONLY_FIELDS, easemobRecoveredEvents } from './easemob-recovered.events.js';

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

interface Row {
  name: string;
  /** The online post-send callback of the message. */
  callback: Body;
  /** The export's chat_type for it (`chatroom` where the callback says `groupchat`). */
  exportChatType: string;
}

/** One online callback per fixture and chat type the message could be sent in. */
function rows(): Row[] {
  const out: Row[] = [];
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

const plain = (id: unknown) => String(id).replace(/^.*#app_/, '').replace(/@.*$/, '');

/** The export record (§2.11) of the message the callback reports: same id, time, parties and bodies. */
function exportRecord(callback: Body, chatType: string): Body {
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

function callbackEvents(body: Body): UnifiedEventDraft[] {
  const request = { body, rawBody: JSON.stringify(body), query: {}, headers: {} };
  return normalizeEasemobCallback(request, fixtureContext(body)).events;
}

/** The event without what a recovered one may not match: marker, raw, dedupeKey and CALLBACK_ONLY_FIELDS. */
function comparable(event: UnifiedEventDraft, drop: readonly string[] = []): Record<string, unknown> {
  const { raw: _raw, dedupeKey: _key, ...rest } = event;
  const out: Record<string, unknown> = { ...rest, data: { ...event.data } };
  delete (out.data as Body).recovered;
  for (const path of [...(CALLBACK_ONLY_FIELDS[event.type as 'message.sent'] ?? []), ...drop]) {
    const [head, field] = path.split('.') as [string, string?];
    if (field === undefined) delete out[head];
    else delete (out[head] as Body | undefined)?.[field];
  }
  return out;
}

function readBack(record: Body): HistoryMessage {
  const message = fromEasemobHistoryRecord(record);
  if (!message) throw new Error('the mapper refused the record');
  return message;
}

describe('Easemob recovered events equal the callback’s, every post-send fixture', () => {
  it('covers every content type of the post-send examples', () => {
    const types = new Set(
      rows().flatMap((r) => (callbackEvents(r.callback)[0]?.message?.contents ?? []).map((c) => c.type)),
    );
    expect([...types].sort()).toEqual(
      ['audio', 'custom', 'image', 'location', 'text', 'video'].sort(),
    );
  });

  it.each(rows().map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const live = callbackEvents(row.callback);
    expect(live.map((e) => e.type)).toEqual(['message.sent']);
    const record = exportRecord(row.callback, row.exportChatType);
    const recovered = easemobRecoveredEvents(readBack(record), { source: 'export' });
    expect(recovered).toHaveLength(1);
    const [event] = recovered as [UnifiedEventDraft];
    expect(comparable(event)).toEqual(comparable(live[0]!));
    expect(event.data.recovered).toEqual({ source: 'export' });
    expect(event.raw).toBe(record);
    expect(event.dedupeKey).toBe(`recovered:message.sent:${String(record.msg_id)}`);
    expect(messageKeysOf(event)).toEqual(messageKeysOf(live[0]!));
    expect(messageKeysOf(event)).toEqual([`sent:${String(record.msg_id)}`]);
    expect(unifiedEventProblems(event)).toEqual([]);
  });

  it('gives a chat room message the conversation the callback gives it: groupchat covers rooms', () => {
    const row = rows().find((r) => r.exportChatType === 'chatroom')!;
    const [event] = easemobRecoveredEvents(readBack(exportRecord(row.callback, 'chatroom')), {
      source: 'export',
    });
    expect(event?.conversation).toEqual({ type: 'group', id: String(row.callback.group_id) });
    expect(event?.data.chatType).toBe('groupchat');
  });

  it('keeps a decorated sender only in the callback: data.fromResource is callback-only', () => {
    const row = rows().find((r) => r.name === 'decorated sender')!;
    expect(callbackEvents(row.callback)[0]?.data.fromResource).toBe('org#app_user1@easemob.com/ios_1');
    const [event] = easemobRecoveredEvents(readBack(exportRecord(row.callback, 'chat')), { source: 'export' });
    expect(event?.data).not.toHaveProperty('fromResource');
    expect(event?.actor).toBe('user1');
  });
});

describe('Easemob recovered recall', () => {
  const recall = FIXTURES.load('recall').body as Body;
  // The recalled message: the recall's `recall_id`, sent by the recaller to the same `to` a minute earlier.
  const sentAt = Number(recall.timestamp) - 60_000;
  const record = exportRecord(
    {
      msg_id: recall.recall_id,
      timestamp: sentAt,
      from: recall.from,
      to: recall.to,
      payload: { ext: {}, bodies: [{ type: 'txt', msg: 'hello' }] },
    },
    'chat',
  );

  it('adds the recall callback’s event for a message recalled at the source', () => {
    const live = callbackEvents(recall);
    const recovered = easemobRecoveredEvents({ ...readBack(record), recalled: true }, { source: 'export' });
    expect(recovered.map((e) => e.type)).toEqual(['message.sent', 'message.recalled']);
    const event = recovered[1]!;
    // The export does not say when the message was recalled: the send time stands in.
    expect(event.occurredAt).toBe(new Date(sentAt).toISOString());
    expect(live[0]!.occurredAt).not.toBe(event.occurredAt);
    expect(comparable(event, ['occurredAt'])).toEqual(comparable(live[0]!, ['occurredAt']));
    expect(messageKeysOf(event)).toEqual(messageKeysOf(live[0]!));
    expect(messageKeysOf(event)).toEqual(['recalled:966475220900644860']);
    expect(event.dedupeKey).toBe('recovered:message.recalled:966475220900644860');
    expect(event.data.recovered).toEqual({ source: 'export' });
    expect(event.raw).toBe(record);
    for (const e of recovered) expect(unifiedEventProblems(e)).toEqual([]);
  });

  it('drops what only the recall callback says: who recalled and the recall’s own id', () => {
    const live = callbackEvents(recall)[0]!;
    expect(live.data.eventMessageId).toBe(recall.msg_id);
    const event = easemobRecoveredEvents({ ...readBack(record), recalled: true }, { source: 'export' })[1]!;
    expect(event).not.toHaveProperty('actor');
    expect(event.data).not.toHaveProperty('eventMessageId');
  });
});

describe('Easemob records that name no message', () => {
  const good = exportRecord(rows()[0]!.callback, 'chat');
  const message = readBack(good);

  it.each([
    ['no record', { ...message, raw: undefined }, /carries no record/],
    ['no sender', { ...message, raw: { ...good, from: undefined, payload: { bodies: [] } } }, /missing: from/],
    ['no message id', { ...message, raw: { ...good, msg_id: undefined } }, /missing: msg_id/],
    ['not a message chat type', { ...message, raw: { ...good, chat_type: 'muc' } }, /chat_type "muc"/],
  ])('throws a CallbackRejectedError for %s', (_name, input, reason) => {
    const attempt = () => easemobRecoveredEvents(input as HistoryMessage, { source: 'export' });
    expect(attempt).toThrow(CallbackRejectedError);
    expect(attempt).toThrow(reason);
  });
});
