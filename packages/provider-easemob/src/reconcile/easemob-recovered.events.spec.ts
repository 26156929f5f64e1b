import { describe, expect, it } from '@jest/globals';
import {
  CallbackRejectedError,
  messageKeysOf,
  unifiedEventProblems,
  type HistoryMessage,
  type UnifiedEventDraft,
} from '@im-gateway/types';
import { FIXTURES, fixtureContext } from '../../test/easemob-fixtures.js';
import { exportRecord, postSendRows, readBack } from '../../test/easemob-history-records.js';
import { normalizeEasemobCallback } from '../callback/easemob-callback.normalizer.js';
import { CALLBACK_ONLY_FIELDS, easemobRecoveredEvents } from './easemob-recovered.events.js';

type Body = Record<string, unknown>;

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

describe('Easemob recovered events equal the callback’s, every post-send fixture', () => {
  it('covers every content type of the post-send examples', () => {
    const types = new Set(
      postSendRows().flatMap((r) =>
        (callbackEvents(r.callback)[0]?.message?.contents ?? []).map((c) => c.type),
      ),
    );
    expect([...types].sort()).toEqual(['audio', 'custom', 'image', 'location', 'text', 'video'].sort());
  });

  it.each(postSendRows().map((r) => [r.name, r] as const))('%s', (_name, row) => {
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
    const row = postSendRows().find((r) => r.exportChatType === 'chatroom')!;
    const [event] = easemobRecoveredEvents(readBack(exportRecord(row.callback, 'chatroom')), {
      source: 'export',
    });
    expect(event?.conversation).toEqual({ type: 'group', id: String(row.callback.group_id) });
    expect(event?.data.chatType).toBe('groupchat');
  });

  it('keeps a decorated sender only in the callback: data.fromResource is callback-only', () => {
    const row = postSendRows().find((r) => r.name === 'decorated sender')!;
    expect(callbackEvents(row.callback)[0]?.data.fromResource).toBe('org#app_user1@easemob.com/ios_1');
    const [event] = easemobRecoveredEvents(readBack(exportRecord(row.callback, 'chat')), {
      source: 'export',
    });
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
  const good = exportRecord(postSendRows()[0]!.callback, 'chat');
  const message = readBack(good);

  it.each([
    ['no record', { ...message, raw: undefined }, /carries no record/],
    [
      'no sender',
      { ...message, raw: { ...good, from: undefined, payload: { bodies: [] } } },
      /missing: from/,
    ],
    ['no message id', { ...message, raw: { ...good, msg_id: undefined } }, /missing: msg_id/],
    ['not a message chat type', { ...message, raw: { ...good, chat_type: 'muc' } }, /chat_type "muc"/],
  ])('throws a CallbackRejectedError for %s', (_name, input, reason) => {
    const attempt = () => easemobRecoveredEvents(input as HistoryMessage, { source: 'export' });
    expect(attempt).toThrow(CallbackRejectedError);
    expect(attempt).toThrow(reason);
  });
});
