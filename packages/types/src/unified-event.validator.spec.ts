import { describe, expect, it } from '@jest/globals';
import { unifiedEventProblems } from './unified-event.validator.js';

const valid = {
  type: 'message.sent',
  occurredAt: '2024-01-01T00:00:00.000Z',
  dedupeKey: 'k',
  conversation: { type: 'group', id: 'g1' },
  actor: 'u1',
  message: {
    id: 'm1',
    from: 'u1',
    to: 'g1',
    sentAt: '2024-01-01T00:00:00.000Z',
    contents: [
      { type: 'text', text: 'hi' },
      { type: 'location', latitude: 1, longitude: 2 },
      { type: 'unknown', vendorType: 'TIMRelayElem', raw: { a: 1 } },
    ],
    mentions: { all: false, users: ['u2'] },
  },
  data: {},
  raw: {},
};
const published = {
  ...valid,
  id: 'e1',
  appId: 'a1',
  provider: 'easemob',
  receivedAt: '2024-01-01T00:00:00.001Z',
};
const withContents = (...contents: unknown[]) => ({ ...valid, message: { ...valid.message, contents } });

describe('unifiedEventProblems', () => {
  it('accepts a well-formed draft and a well-formed published event', () => {
    expect(unifiedEventProblems(valid)).toEqual([]);
    expect(unifiedEventProblems(published, 'event')).toEqual([]);
  });

  it('refuses a draft where a published event is expected, and the reverse', () => {
    expect(unifiedEventProblems(valid, 'event')).toEqual(expect.arrayContaining(['/id is required']));
    expect(unifiedEventProblems(published)).toEqual(expect.arrayContaining(['/id is not allowed']));
  });

  it.each([
    ['an unknown type', { type: 'x.y' }, '/type "x.y" is not one of'],
    ['a timestamp without milliseconds', { occurredAt: '2024-01-01T00:00:00Z' }, '/occurredAt must match'],
    ['an empty dedupe key', { dedupeKey: '' }, '/dedupeKey must NOT have fewer than 1 characters'],
    ['an empty actor', { actor: '' }, '/actor must NOT have fewer than 1 characters'],
    ['a conversation type', { conversation: { type: 'room', id: 'x' } }, '/conversation/type "room"'],
    ['data as an array', { data: [] }, '/data must be object'],
    ['a field the model lacks', { extra: 1 }, '/extra is not allowed'],
    [
      'a mention list of numbers',
      { message: { ...valid.message, mentions: { all: false, users: [1] } } },
      '/message/mentions/users/0 must be string',
    ],
  ])('refuses %s, naming the field', (_name, patch, problem) => {
    const problems = unifiedEventProblems({ ...valid, ...patch });
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });

  it('reports a missing raw', () => {
    const { raw: _raw, ...rest } = valid;
    expect(unifiedEventProblems(rest)).toEqual(['/raw is required']);
  });

  it('reports only the problems of the content type the body names', () => {
    expect(unifiedEventProblems(withContents({ type: 'location', latitude: '1', longitude: 2 }))).toEqual([
      '/message/contents/0/latitude must be number',
    ]);
    expect(unifiedEventProblems(withContents({ type: 'image', width: 4 }))).toEqual([
      '/message/contents/0/url is required',
    ]);
  });

  it('refuses an unknown content type by its type field', () => {
    expect(unifiedEventProblems(withContents({ type: 'sticker' }))).toEqual([
      '/message/contents/0/type "sticker" is not one of the allowed values',
    ]);
  });

  it('checks data.relay, which the gateway sets on an event a bridge caused', () => {
    const relay = { bridgeId: 'b1', relayId: 'r1', originEventId: null, originProvider: 'easemob' };
    expect(unifiedEventProblems({ ...published, data: { relay } }, 'event')).toEqual([]);
    expect(
      unifiedEventProblems({ ...published, data: { relay: { ...relay, originEventId: 7 } } }, 'event'),
    ).toEqual(['/data/relay/originEventId must be string or null']);
  });
});
