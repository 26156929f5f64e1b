import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import * as prettier from 'prettier';
import { EVENT_TYPES } from './event-types.js';
import { jsonSchemaProblems } from './json-schema.validator.js';
import { MESSAGE_CONTENT_TYPES } from './unified-event.js';
import { buildUnifiedEventSchema } from './unified-event.schema.js';

const COMMITTED = new URL('../schema/unified-event.schema.json', import.meta.url);
const schema = buildUnifiedEventSchema();

const draft = {
  type: 'message.sent',
  occurredAt: '2024-01-01T00:00:00.000Z',
  dedupeKey: 'k',
  conversation: { type: 'group', id: 'g1' },
  message: {
    id: 'm1',
    from: 'u1',
    to: 'g1',
    sentAt: '2024-01-01T00:00:00.000Z',
    contents: [
      { type: 'text', text: 'hi' },
      { type: 'unknown', vendorType: 'TIMRelayElem', raw: { a: 1 } },
    ],
  },
  data: {},
  raw: {},
};
const event = {
  ...draft,
  id: 'e1',
  appId: 'a1',
  provider: 'easemob',
  receivedAt: '2024-01-01T00:00:00.001Z',
};

describe('the unified-event JSON Schema', () => {
  it('is committed as schema/unified-event.schema.json exactly as generated (UPDATE_GOLDEN=1 rewrites it)', async () => {
    if (process.env.UPDATE_GOLDEN === '1') {
      const text = await prettier.format(JSON.stringify(schema), {
        ...(await prettier.resolveConfig(COMMITTED)),
        parser: 'json',
      });
      writeFileSync(COMMITTED, text);
    }
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(schema);
  });

  it('enumerates every event type and every content type', () => {
    const props = schema.properties as Record<string, { enum: string[] }>;
    expect(props.type?.enum).toEqual([...EVENT_TYPES]);
    const defs = schema.$defs as Record<string, { oneOf: { properties: { type: { const: string } } }[] }>;
    expect(defs.MessageContent?.oneOf.map((b) => b.properties.type.const)).toEqual([
      ...MESSAGE_CONTENT_TYPES,
    ]);
  });

  it('accepts a published event and a normalizer draft', () => {
    expect(jsonSchemaProblems(schema, event)).toEqual([]);
    expect(jsonSchemaProblems(schema, draft, 'UnifiedEventDraft')).toEqual([]);
  });

  it('describes data.relay, which the gateway sets on an event a bridge caused', () => {
    const relay = { bridgeId: 'b1', relayId: 'r1', originEventId: null, originProvider: 'easemob' };
    expect(jsonSchemaProblems(schema, { ...event, data: { relay } })).toEqual([]);
    expect(
      jsonSchemaProblems(schema, { ...event, data: { relay: { ...relay, originEventId: 'e0' } } }),
    ).toEqual([]);
    expect(jsonSchemaProblems(schema, { ...event, data: { relay: { ...relay, originEventId: 7 } } })).toEqual(
      ['/data/relay/originEventId must be string or null, is integer'],
    );
    expect(jsonSchemaProblems(schema, { ...event, data: { relay: { bridgeId: 'b1' } } })).toEqual(
      expect.arrayContaining(['/data/relay/relayId is required']),
    );
  });

  it('refuses a draft where a published event is expected', () => {
    expect(jsonSchemaProblems(schema, draft)).toEqual(expect.arrayContaining(['/id is required']));
  });

  it.each([
    ['an unknown event type', { ...draft, type: 'message.exploded' }, '/type "message.exploded"'],
    [
      'a time without milliseconds',
      { ...draft, occurredAt: '2024-01-01T00:00:00Z' },
      '/occurredAt must match',
    ],
    ['an empty dedupe key', { ...draft, dedupeKey: '' }, '/dedupeKey must have at least 1'],
    [
      'an unknown conversation type',
      { ...draft, conversation: { type: 'room', id: 'r' } },
      '/conversation/type',
    ],
    ['a field the model lacks', { ...draft, extra: 1 }, '/extra is not allowed'],
    [
      'a content field of the wrong type',
      { ...draft, message: { ...draft.message, contents: [{ type: 'image', url: 'u', width: '4' }] } },
      '/message/contents/0/width must be number',
    ],
    [
      'an unknown content type',
      { ...draft, message: { ...draft.message, contents: [{ type: 'sticker' }] } },
      '/message/contents/0 must match exactly one schema',
    ],
  ])('names the field for %s', (_name, value, problem) => {
    const problems = jsonSchemaProblems(schema, value, 'UnifiedEventDraft');
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });
});
