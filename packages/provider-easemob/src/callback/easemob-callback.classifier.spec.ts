import { describe, expect, it } from '@jest/globals';
import { FIXTURES } from '../../test/easemob-fixtures.js';
import { classifyEasemobCallback } from './easemob-callback.classifier.js';

type Body = Record<string, unknown>;

const body = (name: string) => structuredClone(FIXTURES.load(name).body) as Body;
/** The message fixtures of each kind that carry a message envelope (`chat_type`). */
const PRESEND = ['presend-txt', 'presend-img'];
const POSTSEND = ['groupchat-offline', 'chatroom-offline'];

/** The payload shapes either callback may come with: REST-style, `bodies[]`, or neither. */
function reshaped(payload: unknown): [string, unknown][] {
  const single = (payload ?? {}) as Body;
  const { type: _type, ...untyped } = single;
  const first = Array.isArray(single.bodies) ? (single.bodies[0] as Body) : single;
  return [
    ['as printed', payload],
    ['REST-style', { ...first }],
    ['as bodies[]', { bodies: [first] }],
    ['without a type', Array.isArray(single.bodies) ? { ...single, bodies: [{}] } : untyped],
    ['empty', {}],
    ['missing', undefined],
  ];
}

describe('pre-send and post-send Easemob callbacks', () => {
  describe.each(PRESEND)('pre-send fixture %s', (name) => {
    it.each(reshaped(body(name).payload))('stays pre-send with its payload %s', (_shape, payload) => {
      const { family, kind } = classifyEasemobCallback({ ...body(name), payload });
      expect(family).toBe('presend');
      expect(kind).toMatch(/^presend:groupchat:/);
    });
  });

  describe.each(POSTSEND)('post-send fixture %s', (name) => {
    it.each(reshaped(body(name).payload))('stays post-send with its payload %s', (_shape, payload) => {
      expect(classifyEasemobCallback({ ...body(name), payload }).family).toBe('message');
    });
  });

  it('keeps the body type of a pre-send payload of either shape', () => {
    const rest = { type: 'img', url: 'https://x' };
    for (const payload of [rest, { bodies: [rest] }])
      expect(classifyEasemobCallback({ ...body('presend-img'), payload }).kind).toBe('presend:groupchat:img');
  });

  it('reads a post-send callback as post-send by its eventType, even without host or appkey', () => {
    const { host: _h, appkey: _a, ...bare } = body('groupchat-offline');
    expect(classifyEasemobCallback({ ...bare, eventType: 'chat' }).family).toBe('message');
  });
});
