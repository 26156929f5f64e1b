import { CallbackRejectedError } from '@im-gateway/types';
import { draftProblems } from './conformance.callback-checks.js';
import {
  ConformanceError,
  type ConformanceCheck,
  type ConformanceFixture,
  type ConformanceSubject,
} from './conformance.types.js';

/** mulberry32: a seeded generator, so a failing mutation is the same on every run and can be reported. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What vendors really send wrong: missing fields, nulls, numbers as strings and back, empty and huge values.
const REPLACEMENTS: unknown[] = [
  null,
  '',
  'x',
  '0',
  '-1',
  0,
  -1,
  1.5,
  1e21,
  true,
  [],
  {},
  ['x'],
  { a: 1 },
  '😀',
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

/** One mutation of `body`: a field deleted or replaced, described for the failure message. */
function mutate(body: Json, pick: () => number): { body: Json; what: string } {
  const all = paths(body);
  const copy = structuredClone(body);
  const path = all[Math.floor(pick() * all.length)];
  if (!path)
    return { body: REPLACEMENTS[Math.floor(pick() * REPLACEMENTS.length)] as Json, what: 'body replaced' };
  const parent = path
    .slice(0, -1)
    .reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, copy);
  const key = path[path.length - 1] as string | number;
  const pointer = `/${path.join('/')}`;
  if (pick() < 0.25 && !Array.isArray(parent)) {
    delete (parent as Record<string, Json>)[key];
    return { body: copy, what: `${pointer} deleted` };
  }
  const value = REPLACEMENTS[Math.floor(pick() * REPLACEMENTS.length)] as Json;
  (parent as Record<string | number, Json>)[key] = value;
  return { body: copy, what: `${pointer} = ${JSON.stringify(value)}` };
}

/**
 * The fuzz property: whatever a vendor sends, verification and normalization either reject it with a
 * `CallbackRejectedError` or yield events valid against the unified model's JSON Schema; nothing else throws.
 */
export function fuzzChecks<Config extends object>(subject: ConformanceSubject<Config>): ConformanceCheck[] {
  const runs = subject.fuzzRuns ?? 40;
  return subject.fixtures.map((f: ConformanceFixture, index) => ({
    name: `fuzz: ${f.name}`,
    run: () => {
      const pick = generator(index + 1);
      const context = subject.context(f);
      for (let run = 0; run < runs; run++) {
        // The query is fuzzed too: Tencent routes on CallbackCommand and checks SdkAppid there.
        const doc = { body: f.request.body, query: f.request.query } as unknown as Json;
        const { body: mutated, what } = mutate(doc, pick);
        const parts = (mutated ?? {}) as { body?: Json; query?: Json };
        const query = Object.fromEntries(
          Object.entries(typeof parts.query === 'object' && parts.query !== null ? parts.query : {}).map(
            ([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)],
          ),
        );
        const body = parts.body ?? null;
        const request = { ...f.request, query, body, rawBody: JSON.stringify(body) };
        for (const step of ['verifyCallback', 'normalizeCallback'] as const) {
          try {
            const result = subject.provider[step](request, context);
            if (step === 'normalizeCallback' && result) {
              const problems = draftProblems(result.events);
              if (problems.length > 0)
                throw new ConformanceError(
                  `fuzz: fixture ${f.name}: with ${what}: invalid event: ${problems.join('; ')}`,
                );
            }
          } catch (error) {
            if (error instanceof CallbackRejectedError) continue;
            if (error instanceof ConformanceError) throw error;
            throw new ConformanceError(
              `fuzz: fixture ${f.name}: with ${what}: ${step} threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`,
            );
          }
        }
      }
    },
  }));
}
