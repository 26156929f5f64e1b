import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import * as prettier from 'prettier';
import { EVENT_TYPES } from './event-types.js';
import { MESSAGE_CONTENT_TYPES } from './unified-event.js';
import { buildUnifiedEventSchema } from './unified-event.schema.js';
import { SENDABLE_CONTENT_FIELDS, SENDABLE_CONTENT_TYPES } from './send.js';

const COMMITTED = new URL('../schema/unified-event.schema.json', import.meta.url);
const schema = buildUnifiedEventSchema();

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
});

describe('the sendable content list', () => {
  it('names every content type but unknown, with the fields the schema gives each', () => {
    const defs = schema.$defs as Record<
      string,
      { oneOf: { properties: Record<string, unknown> & { type: { const: string } } }[] }
    >;
    const branches = new Map(defs.MessageContent!.oneOf.map((b) => [b.properties.type.const, b]));
    expect(SENDABLE_CONTENT_TYPES).toEqual(MESSAGE_CONTENT_TYPES.filter((t) => t !== 'unknown'));
    for (const type of SENDABLE_CONTENT_TYPES) {
      const fields = Object.keys(branches.get(type)!.properties).filter((f) => f !== 'type');
      expect({ type, fields: [...SENDABLE_CONTENT_FIELDS[type]].sort() }).toEqual({
        type,
        fields: fields.sort(),
      });
    }
  });
});
