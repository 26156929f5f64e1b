import { describe, expect, it } from '@jest/globals';
import type { IdKind, IdRule, ImProvider, ProviderCapabilities } from '@im-gateway/types';
import { goldenIds, idChecks } from './conformance.ids.js';
import type { ConformanceFixture, ConformanceSubject } from './conformance.types.js';

const LOWER: IdRule = { maxBytes: 8, pattern: '^[a-z]+$', description: 'a-z' };
const DIGITS: IdRule = { maxBytes: 8, pattern: '^[0-9]+$', description: '0-9' };
const SOUND: Record<IdKind, IdRule> = { user: LOWER, group: DIGITS, chatroom: DIGITS };

const event = (fields: Record<string, unknown>) => ({ type: 'message.sent', data: {}, raw: {}, ...fields });
const fixture = (name: string, golden: unknown[]): ConformanceFixture => ({
  name,
  request: { body: {}, rawBody: '{}', query: {}, headers: {} },
  golden,
});

function subject(
  ids: Partial<Record<IdKind, unknown>>,
  fixtures: ConformanceFixture[] = [],
  placeholderIds?: string[],
): ConformanceSubject<object> {
  const provider = { name: 'acme', capabilities: { ids } as unknown as ProviderCapabilities };
  return {
    provider: provider as unknown as ImProvider<object>,
    fixtures,
    context: () => ({ appId: 'a', config: {}, now: new Date(0) }),
    sign: (f) => ({ request: f.request, context: { appId: 'a', config: {}, now: new Date(0) } }),
    tamper: () => [],
    ...(placeholderIds ? { placeholderIds } : {}),
  };
}

const run = (s: ConformanceSubject<object>, name: string) => {
  const check = idChecks(s).find((c) => c.name === name);
  if (!check) throw new Error(`no check ${name}`);
  return () => check.run();
};

describe('goldenIds', () => {
  it('finds users, and conversation ids and message targets of the conversation kind', () => {
    const golden = [
      event({
        conversation: { type: 'group', id: '1' },
        actor: 'al',
        subjects: ['bo'],
        message: { from: 'al', to: '1', mentions: { all: false, users: ['cy'] } },
      }),
      event({ conversation: { type: 'direct', id: 'bo' }, message: { from: 'al', to: 'bo' } }),
      event({ conversation: { type: 'chatroom', id: '2' } }),
    ];
    expect(goldenIds(golden)).toEqual([
      { kind: 'group', id: '1', at: 'events/0/conversation/id' },
      { kind: 'user', id: 'al', at: 'events/0/actor' },
      { kind: 'user', id: 'bo', at: 'events/0/subjects/0' },
      { kind: 'user', id: 'al', at: 'events/0/message/from' },
      { kind: 'group', id: '1', at: 'events/0/message/to' },
      { kind: 'user', id: 'cy', at: 'events/0/message/mentions/users/0' },
      { kind: 'user', id: 'bo', at: 'events/1/conversation/id' },
      { kind: 'user', id: 'al', at: 'events/1/message/from' },
      { kind: 'user', id: 'bo', at: 'events/1/message/to' },
      { kind: 'chatroom', id: '2', at: 'events/2/conversation/id' },
    ]);
  });

  it('leaves out thread ids and a target outside any conversation, whose kind is unknown', () => {
    const golden = [
      event({ conversation: { type: 'thread', id: 'T#1', parentId: '1' }, message: { from: 'al', to: 'T' } }),
      event({ message: { from: 'al', to: '@TOA#x' } }),
    ];
    expect(goldenIds(golden).map((g) => g.at)).toEqual(['events/0/message/from', 'events/1/message/from']);
  });
});

describe('ids: declared', () => {
  it('passes a rule for every kind', () => {
    expect(run(subject(SOUND), 'ids: declared')).not.toThrow();
    expect(
      run(subject({ ...SOUND, group: { maxBytes: 8, description: 'any' } }), 'ids: declared'),
    ).not.toThrow();
  });

  it.each([
    [{ user: LOWER, group: DIGITS }, 'chatroom: no rule declared'],
    [{ ...SOUND, group: { ...DIGITS, pattern: '^[0-9+$' } }, 'group: pattern "^[0-9+$" does not compile: '],
    [{ ...SOUND, user: { ...LOWER, pattern: '[a-z]+' } }, 'user: pattern "[a-z]+" is not anchored with ^…$'],
    [
      { ...SOUND, chatroom: { ...DIGITS, maxBytes: 0 } },
      'chatroom: maxBytes must be a positive integer, got 0',
    ],
    [{ ...SOUND, user: { ...LOWER, description: ' ' } }, 'user: no description'],
  ])('fails a broken declaration, naming the provider and the kind (%#)', (ids, message) => {
    expect(run(subject(ids), 'ids: declared')).toThrow(`ids: provider acme: ${message}`);
  });
});

describe('ids: <fixture>', () => {
  const golden = [event({ conversation: { type: 'group', id: '12' }, actor: 'Al' })];

  it('fails on a golden id its rule refuses, naming the fixture, the place, the provider and the kind', () => {
    expect(run(subject(SOUND, [fixture('join', golden)]), 'ids: join')).toThrow(
      'ids: fixture join: events/0/actor: acme user id "Al" must match a-z',
    );
    const long = [event({ conversation: { type: 'group', id: '123456789' } })];
    expect(run(subject(SOUND, [fixture('long', long)]), 'ids: long')).toThrow(
      'ids: fixture long: events/0/conversation/id: acme group id "123456789" is 9 bytes, longer than 8',
    );
  });

  it('skips the ids the subject names as placeholders', () => {
    expect(run(subject(SOUND, [fixture('join', golden)], ['Al']), 'ids: join')).not.toThrow();
  });

  it('leaves a broken rule to the declaration check', () => {
    const broken = { ...SOUND, user: { ...LOWER, pattern: '^[a-z+$' } };
    expect(run(subject(broken, [fixture('join', golden)]), 'ids: join')).not.toThrow();
  });
});
