import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CallbackRejectedError, unifiedEventProblems } from '@im-gateway/types';
import { normalizeEasemobCallback, verifyEasemobCallback } from '../src/callback/index.js';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { fixtureContext, FIXTURES } from './easemob-fixtures.js';

type Json = unknown;
type Path = (string | number)[];

const seeds = FIXTURES.names().map((name) => {
  // Signatures are covered elsewhere; dropping them lets the mutations reach the normalizer.
  const { security: _dropped, ...body } = FIXTURES.load(name).body as Record<string, unknown>;
  return body;
});

/** Every path to a value inside a JSON document, the root included. */
function paths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Replaces (or, with `undefined`, deletes) the value at `path`; the root is replaced whole. */
function setAt(root: Json, path: Path, next: Json | undefined): Json {
  if (path.length === 0) return next;
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return root;
}

const VENDOR_WORDS = [
  'chat',
  'groupchat',
  'chatroom',
  'muc',
  'roster',
  'notify',
  'recall',
  'read_ack',
  'edit',
  'channel_ack',
  'group_op_event',
  'JOIN',
  'LEAVE',
  'MUTE',
  'KICK',
  'push',
  'moderation',
  'chat_offline',
  'txt',
  'img',
  'loc',
  'combine',
  'some_new_op',
  'ALL',
  'online',
  'offline',
  '',
  'XXXX#XXXX_1@easemob.com/ios_1',
  '@ppAdmin',
  'true',
  '1e400',
  '-0',
];

const replacement: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom(...VENDOR_WORDS),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('type', 'operation', 'bodies', 'msg', 'member', 'data', 'lat'),
    fc.jsonValue(),
    { maxKeys: 3 },
  ),
  fc.jsonValue(),
);

const mutated = fc
  .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 6 }))
  .map(([seed, edits]) => {
    let doc: Json = clone(seed);
    for (const [pick, next] of edits) {
      const all = paths(doc);
      doc = setAt(doc, all[pick % all.length] ?? [], next);
    }
    return doc;
  });

describe('Easemob callback fuzzing', () => {
  it('never throws anything but CallbackRejectedError, and every accepted payload yields valid events', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutated, (body) => {
        const context = fixtureContext(body);
        const request = { body, rawBody: JSON.stringify(body) ?? '', query: {}, headers: {} };
        try {
          verifyEasemobCallback(request, context);
          const normalized = normalizeEasemobCallback(request, context);
          expect(normalized.events.length).toBeGreaterThan(0);
          expect(normalized.dedupeKey.length).toBeGreaterThan(0);
          for (const event of normalized.events) expect(unifiedEventProblems(event)).toEqual([]);
          accepted += 1;
        } catch (error) {
          if (!(error instanceof CallbackRejectedError)) throw error;
        }
      }),
      { numRuns: 5000 },
    );
    // Most mutants must get past verification, or the property says little about the normalizer.
    expect(accepted).toBeGreaterThan(2500);
  });

  it('still normalizes every seed payload unchanged', () => {
    for (const name of FIXTURES.names()) {
      const fixture = FIXTURES.load(name);
      expect(
        normalizeEasemobCallback(fixtureRequest(fixture), fixtureContext(fixture.body)).events.length,
      ).toBeGreaterThan(0);
    }
  });
});
