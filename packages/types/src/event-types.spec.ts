import { describe, expect, it } from '@jest/globals';
import { EVENT_TYPES, eventTypeMatches, isEventType } from './event-types.js';

describe('event types', () => {
  it('are unique, dotted and lower case', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    for (const t of EVENT_TYPES) expect(t).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it('recognises only listed types', () => {
    expect(isEventType('message.sent')).toBe(true);
    expect(isEventType('message.nope')).toBe(false);
    expect(isEventType(42)).toBe(false);
  });

  it.each([
    ['*', 'group.member.joined', true],
    ['message.*', 'message.sent', true],
    ['message.*', 'message.reaction.changed', true],
    ['group.member.*', 'group.member.joined', true],
    ['group.member.*', 'group.created', false],
    ['message.sent', 'message.sent', true],
    ['message.sent', 'message.sent.extra', false],
    ['message', 'message.sent', false],
    ['messages.*', 'message.sent', false],
  ])('pattern %s matches %s: %s', (pattern, type, expected) => {
    expect(eventTypeMatches(pattern, type)).toBe(expected);
  });
});
