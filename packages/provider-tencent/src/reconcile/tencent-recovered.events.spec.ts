import { describe, expect, it } from '@jest/globals';
import {
  CallbackRejectedError,
  messageKeysOf,
  unifiedEventProblems,
  type HistoryMessage,
  type ReconcileSource,
  type UnifiedEventDraft,
} from '@im-gateway/types';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { FIXTURES, fixtureContext } from '../../test/tencent-fixtures.js';
import { ELEMENTS, historyRecord, readBack } from '../../test/tencent-history-records.js';
import { normalizeTencentCallback } from '../callback/tencent-callback.normalizer.js';
import { CALLBACK_ONLY_FIELDS, tencentRecoveredEvents } from './tencent-recovered.events.js';

type Body = Record<string, unknown>;

/** The post-send message fixtures (one-to-one and group). */
const POST_SEND = FIXTURES.names().filter((n) => /^(C2C|Group)\.CallbackAfterSendMsg$/.test(n));

function callbackEvents(name: string, body: Body): UnifiedEventDraft[] {
  const fixture = FIXTURES.load(name);
  return normalizeTencentCallback(fixtureRequest(fixture, body), fixtureContext(fixture)).events;
}

/** The event without what a recovered one may not match: marker, raw, dedupeKey, occurredAt and the fields. */
function comparable(event: UnifiedEventDraft): Record<string, unknown> {
  const { raw: _raw, dedupeKey: _key, occurredAt: _at, ...rest } = event;
  const out: Record<string, unknown> = { ...rest, data: { ...event.data } };
  if (event.message) out.message = { ...event.message };
  delete (out.data as Body).recovered;
  for (const path of CALLBACK_ONLY_FIELDS[event.type as 'message.sent'] ?? []) {
    const [head, field] = path.split('.') as [string, string?];
    if (field === undefined) delete out[head];
    else delete (out[head] as Body | undefined)?.[field];
  }
  return out;
}

const SOURCES = [
  ['file', 'export'],
  ['roaming', 'conversations'],
  ['group read', 'conversations'],
] as const;

const rows = POST_SEND.flatMap((name) =>
  Object.keys(ELEMENTS).flatMap((content) =>
    SOURCES.filter(([shape]) => (name.startsWith('C2C') ? shape !== 'group read' : shape !== 'roaming')).map(
      ([shape, source]) => [`${name}, ${content}, ${shape} record`, name, content, shape, source] as const,
    ),
  ),
);

describe('Tencent recovered events equal the callback’s, every post-send fixture and element', () => {
  it('covers both post-send callbacks and every content type', () => {
    expect(POST_SEND).toEqual(['C2C.CallbackAfterSendMsg', 'Group.CallbackAfterSendMsg']);
    const types = Object.values(ELEMENTS).flatMap(
      (body) =>
        callbackEvents(POST_SEND[0]!, {
          ...(FIXTURES.load(POST_SEND[0]!).body as Body),
          MsgBody: body,
        })[0]?.message?.contents.map((c) => c.type) ?? [],
    );
    expect(new Set(types)).toEqual(
      new Set(['text', 'face', 'location', 'custom', 'audio', 'file', 'video', 'image']),
    );
  });

  it.each(rows)('%s', (_title, name, content, shape, source: ReconcileSource) => {
    const printed = FIXTURES.load(name).body as Body;
    // The group example's EventTime is years after its MsgTime; a live callback's is the send in ms, as here.
    const body: Body = {
      ...printed,
      MsgBody: ELEMENTS[content],
      ...(printed.EventTime === undefined ? {} : { EventTime: Number(printed.MsgTime) * 1000 + 123 }),
    };
    const live = callbackEvents(name, body);
    expect(live.map((e) => e.type)).toEqual(['message.sent']);
    const record = historyRecord(body, shape);
    const message = readBack(record, body.GroupId === undefined ? undefined : String(body.GroupId));
    const recovered = tencentRecoveredEvents(message, { source });
    expect(recovered).toHaveLength(1);
    const [event] = recovered as [UnifiedEventDraft];
    expect(comparable(event)).toEqual(comparable(live[0]!));
    // History times are seconds: equal to the callback's to the second, and exactly the message's MsgTime.
    expect(event.occurredAt).toBe(new Date(Number(body.MsgTime) * 1000).toISOString());
    expect(event.occurredAt.slice(0, 19)).toBe(live[0]!.occurredAt.slice(0, 19));
    if (body.EventTime !== undefined) expect(live[0]!.occurredAt).not.toBe(event.occurredAt);
    expect(event.message?.id).toBe(message.messageId);
    expect(event.data.recovered).toEqual({ source });
    expect(event.raw).toBe(record);
    expect(event.dedupeKey).toBe(`recovered:message.sent:${message.messageId}`);
    expect(messageKeysOf(event)).toEqual(messageKeysOf(live[0]!));
    expect(messageKeysOf(event)).toHaveLength(1);
    expect(unifiedEventProblems(event)).toEqual([]);
  });

  it('drops what only the callback says: client, delivery outcome, mentions, online-only', () => {
    const live = callbackEvents(POST_SEND[1]!, FIXTURES.load(POST_SEND[1]!).body as Body)[0]!;
    expect(live.data).toMatchObject({ clientIp: '127.0.0.1', optPlatform: 'Android', groupType: 'Public' });
    expect(live.message?.mentions).toBeDefined();
    const body = FIXTURES.load(POST_SEND[1]!).body as Body;
    const [event] = tencentRecoveredEvents(readBack(historyRecord(body, 'file'), String(body.GroupId)), {
      source: 'export',
    });
    for (const field of ['clientIp', 'optPlatform', 'groupType', 'operator', 'random'])
      expect(event?.data).not.toHaveProperty(field);
    expect(event?.message).not.toHaveProperty('mentions');
    expect(event?.message).not.toHaveProperty('onlineOnly');
    expect(event?.data.ok).toBe(true);
  });
});

describe('Tencent recovered recalls', () => {
  it('adds C2C.CallbackAfterMsgWithDraw’s event for a roaming record flagged 8', () => {
    const sent = FIXTURES.load('C2C.CallbackAfterSendMsg').body as Body;
    const withdraw = callbackEvents(
      'C2C.CallbackAfterMsgWithDraw',
      FIXTURES.load('C2C.CallbackAfterMsgWithDraw').body as Body,
    )[0]!;
    const record = { ...historyRecord(sent, 'roaming'), MsgFlagBits: 8 };
    const recovered = tencentRecoveredEvents(
      { ...readBack(record, undefined), recalled: true },
      {
        source: 'conversations',
      },
    );
    expect(recovered.map((e) => e.type)).toEqual(['message.sent', 'message.recalled']);
    const event = recovered[1]!;
    expect(comparable(event)).toEqual(comparable(withdraw));
    // History does not say when the message was recalled: the send time stands in.
    expect(event.occurredAt).toBe(new Date(Number(sent.MsgTime) * 1000).toISOString());
    expect(messageKeysOf(event)).toEqual(messageKeysOf(withdraw));
    expect(messageKeysOf(event)).toEqual(['recalled:48374_2837546_1557481126']);
    expect(event.dedupeKey).toBe('recovered:message.recalled:48374_2837546_1557481126');
    expect(event.raw).toBe(record);
    for (const e of recovered) expect(unifiedEventProblems(e)).toEqual([]);
  });

  it('adds Group.CallbackAfterRecallMsg’s event for a group read record with IsPlaceMsg 2', () => {
    // The example is of a Community topic; reconciliation reads groups, so the table's recall is the group's.
    const { TopicId: _topic, ...recall } = FIXTURES.load('Group.CallbackAfterRecallMsg').body as Body;
    const live = callbackEvents('Group.CallbackAfterRecallMsg', recall)[0]!;
    const sent = {
      ...(FIXTURES.load('Group.CallbackAfterSendMsg').body as Body),
      GroupId: recall.GroupId,
      MsgSeq: 130,
    };
    const record = { ...historyRecord(sent, 'group read'), IsPlaceMsg: 2 };
    const recovered = tencentRecoveredEvents(
      { ...readBack(record, String(recall.GroupId)), recalled: true },
      {
        source: 'conversations',
      },
    );
    expect(recovered.map((e) => e.type)).toEqual(['message.sent', 'message.recalled']);
    const event = recovered[1]!;
    expect(comparable(event)).toEqual(comparable(live));
    expect(live.actor).toBe('admin');
    expect(event).not.toHaveProperty('actor');
    expect(messageKeysOf(event)).toEqual(messageKeysOf(live));
    expect(messageKeysOf(event)).toEqual(['recalled:1213456:130']);
    expect(event.dedupeKey).toBe('recovered:message.recalled:1213456:130');
  });
});

describe('Tencent records that name no message', () => {
  const body = FIXTURES.load('C2C.CallbackAfterSendMsg').body as Body;
  const record = historyRecord(body, 'file');
  const message = readBack(record, undefined);

  it.each([
    ['no record', { ...message, raw: undefined }, /carries no record/],
    ['no sender', { ...message, raw: { ...record, From_Account: undefined } }, /From_Account, MsgSeq/],
    ['no time', { ...message, raw: { ...record, MsgTimestamp: undefined } }, /message time/],
    ['a C2C record without receiver', { ...message, raw: { ...record, To_Account: '' } }, /To_Account/],
  ])('throws a CallbackRejectedError for %s', (_name, input, reason) => {
    const attempt = () => tencentRecoveredEvents(input as HistoryMessage, { source: 'export' });
    expect(attempt).toThrow(CallbackRejectedError);
    expect(attempt).toThrow(reason);
  });
});
