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
    ],
    mentions: { all: false, users: ['u2'] },
  },
  data: {},
  raw: {},
};

describe('unifiedEventProblems', () => {
  it('accepts a well-formed event', () => {
    expect(unifiedEventProblems(valid)).toEqual([]);
  });

  it.each([
    ['unknown type', { type: 'x.y' }, 'type x.y is not a unified event type'],
    ['seconds timestamp', { occurredAt: '2024-01-01T00:00:00Z' }, 'occurredAt must be ISO-8601 UTC with ms'],
    ['empty dedupe key', { dedupeKey: '' }, 'dedupeKey must be a non-empty string'],
    ['empty actor', { actor: '' }, 'actor must be a non-empty string'],
    [
      'bad conversation type',
      { conversation: { type: 'room', id: 'x' } },
      'conversation.type room is unknown',
    ],
    ['data array', { data: [] }, 'data must be an object'],
  ])('reports %s', (_name, patch, problem) => {
    expect(unifiedEventProblems({ ...valid, ...patch })).toContain(problem);
  });

  it('reports a non-numeric location', () => {
    const bad = {
      ...valid,
      message: { ...valid.message, contents: [{ type: 'location', latitude: '1', longitude: 2 }] },
    };
    expect(unifiedEventProblems(bad)).toEqual(['message.contents[0] needs numeric latitude/longitude']);
  });

  it('reports a missing raw', () => {
    const { raw: _raw, ...rest } = valid;
    expect(unifiedEventProblems(rest)).toContain('raw is missing');
  });
});
