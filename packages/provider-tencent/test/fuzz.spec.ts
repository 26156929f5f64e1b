import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CallbackRejectedError, unifiedEventProblems } from '@im-gateway/types';
import { fixtureRequest, type VendorFixture } from '@im-gateway/provider-kit/conformance';
import { normalizeTencentCallback, TENCENT_CALLBACK_COMMANDS } from '../src/callback/index.js';
import { fixtureContext, FIXTURES } from './tencent-fixtures.js';

/**
 * Randomly mutated vendor payloads through the normalizer: it may refuse a payload only with
 * CallbackRejectedError, and whatever it accepts yields at least one valid unified event.
 */
type Path = (string | number)[];
type Mutation = { kind: 'delete' | 'set' | 'swap' | 'elementType'; at: number; pick: number; value: unknown };

const fixtures: VendorFixture[] = FIXTURES.names().map((name) => FIXTURES.load(name));
const ELEMENT_TYPES = [
  'TIMTextElem',
  'TIMLocationElem',
  'TIMFaceElem',
  'TIMCustomElem',
  'TIMSoundElem',
  'TIMImageElem',
  'TIMFileElem',
  'TIMVideoFileElem',
  'TIMRelayElem',
  'TIMNewElem',
  '',
];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = root as Record<string | number, unknown> | undefined;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, unknown> | undefined;
  return typeof node === 'object' && node !== null ? node : undefined;
}

/** Numbers become strings, strings numbers or booleans, objects arrays, and so on: the §1.6 kind of drift. */
function swapped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value.length % 2 === 0;
  if (Array.isArray(value)) return { ...value };
  if (typeof value === 'object' && value !== null) return Object.values(value);
  return value === null ? {} : null;
}

/** Retypes one message element: a known type over another's content, an unknown type, or a random string. */
function retypeElement(body: unknown, mutation: Mutation): unknown {
  const targets = paths(body).filter((p) => p[p.length - 1] === 'MsgType');
  const path = targets[mutation.at % Math.max(targets.length, 1)];
  const parent = path === undefined ? undefined : parentOf(body, path);
  if (parent === undefined) return body;
  const random = typeof mutation.value === 'string' ? mutation.value : 'TIMUnheardOfElem';
  parent.MsgType = mutation.pick % 4 === 0 ? random : ELEMENT_TYPES[mutation.pick % ELEMENT_TYPES.length];
  return body;
}

function mutate(body: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'elementType') return retypeElement(body, mutation);
  const all = paths(body);
  if (all.length === 0) return mutation.kind === 'set' ? mutation.value : body;
  const path = all[mutation.at % all.length] as Path;
  const parent = parentOf(body, path);
  const key = path[path.length - 1] as string | number;
  if (parent === undefined) return body;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (mutation.kind === 'set') parent[key] = mutation.value;
  else parent[key] = swapped(parent[key]);
  return body;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'set', 'swap', 'elementType'),
  at: fc.nat(),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
});

const commandArb = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...TENCENT_CALLBACK_COMMANDS),
  fc.string({ minLength: 1, maxLength: 30 }),
);

function check(
  fixture: VendorFixture,
  mutations: Mutation[],
  command: string | undefined,
  rootSwap: boolean,
): void {
  let body: unknown = structuredClone(fixture.body);
  for (const m of mutations) body = mutate(body, m);
  if (rootSwap) body = swapped(body);
  const query = { ...fixture.query };
  if (command !== undefined) {
    query.CallbackCommand = command;
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      (body as Record<string, unknown>).CallbackCommand = command;
  }
  let result;
  try {
    result = normalizeTencentCallback(fixtureRequest({ query, headers: {}, body }), fixtureContext(fixture));
  } catch (error) {
    expect(error).toBeInstanceOf(CallbackRejectedError);
    return;
  }
  expect(result.events.length).toBeGreaterThanOrEqual(1);
  for (const event of result.events) expect(unifiedEventProblems(event)).toEqual([]);
  expect(new Set(result.events.map((e) => e.dedupeKey)).size).toBe(result.events.length);
}

describe('Tencent callback normalizer under random payloads', () => {
  it('never throws anything but CallbackRejectedError and always yields valid events', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        commandArb,
        fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
        (fixture, mutations, command, rootSwap) => check(fixture, mutations, command, rootSwap),
      ),
      { numRuns: 4000 },
    );
  });

  it('survives arbitrary JSON bodies under every known command', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TENCENT_CALLBACK_COMMANDS),
        fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 3 })),
        (command, body) => {
          const fixture = fixtures[0] as VendorFixture;
          check({ ...fixture, body }, [], command, false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('survives random contents in every element type', () => {
    const FIELDS = [
      'Text',
      'Desc',
      'Latitude',
      'Longitude',
      'Index',
      'Data',
      'Ext',
      'Sound',
      'Url',
      'URL',
      'UUID',
      'Size',
      'Second',
      'ImageFormat',
      'ImageInfoArray',
      'Type',
      'Width',
      'Height',
      'FileSize',
      'FileName',
      'VideoUrl',
      'VideoSecond',
      'ThumbUrl',
    ];
    const field = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }),
    );
    const element = fc.record({
      MsgType: fc.constantFrom(...ELEMENT_TYPES),
      MsgContent: fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), field), fc.jsonValue({ maxDepth: 1 })),
    });
    const groupFixture = FIXTURES.load('Group.CallbackAfterSendMsg');
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 4 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.jsonValue({ maxDepth: 2 }),
        (msgBody, cloudCustomData, groupAtInfo) => {
          const body = {
            ...(groupFixture.body as Record<string, unknown>),
            MsgBody: msgBody,
            CloudCustomData: cloudCustomData,
            GroupAtInfo: groupAtInfo,
          };
          check({ ...groupFixture, body }, [], undefined, false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
