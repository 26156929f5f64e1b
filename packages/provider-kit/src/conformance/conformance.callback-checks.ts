import { writeFileSync } from 'node:fs';
import {
  CallbackRejectedError,
  unifiedEventProblems,
  type CallbackContext,
  type CallbackRequest,
  type NormalizedCallback,
} from '@im-gateway/types';
import {
  ConformanceError,
  type ConformanceCheck,
  type ConformanceFixture,
  type ConformanceSubject,
} from './conformance.types.js';
import { firstDifference } from './json-difference.js';

/** Problems of every event against `$defs.UnifiedEventDraft`, each prefixed with the event's index. */
export function draftProblems(events: readonly unknown[]): string[] {
  return events.flatMap((e, i) => unifiedEventProblems(e, 'draft').map((p) => `event ${i} ${p}`));
}

const fail = (check: string, fixture: string, detail: string) =>
  new ConformanceError(`${check}: fixture ${fixture}: ${detail}`);

const errorName = (error: unknown) =>
  error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);

/** Replaces the ambient sources of I/O and nondeterminism while `fn` runs, so a normalizer using one fails. */
function withoutAmbientInputs<T>(fn: () => T): T {
  const saved = { now: Date.now, random: Math.random, fetch: globalThis.fetch };
  const forbid = (what: string) => () => {
    throw new ConformanceError(`called ${what}: normalization must take the clock from the context`);
  };
  Date.now = forbid('Date.now()');
  Math.random = forbid('Math.random()');
  globalThis.fetch = forbid('fetch()') as typeof fetch;
  try {
    return fn();
  } finally {
    Date.now = saved.now;
    Math.random = saved.random;
    globalThis.fetch = saved.fetch;
  }
}

function rejectedOrThrow(check: string, fixture: string, fn: () => unknown): 'accepted' | 'rejected' {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (error instanceof CallbackRejectedError) return 'rejected';
    throw fail(check, fixture, `threw ${errorName(error)} instead of a CallbackRejectedError`);
  }
}

export function callbackChecks<Config extends object>(
  subject: ConformanceSubject<Config>,
): ConformanceCheck[] {
  const { provider } = subject;
  const normalize = (request: CallbackRequest, context: CallbackContext<Config>) =>
    provider.normalizeCallback(request, context);
  const perFixture = (label: string, run: (f: ConformanceFixture) => void): ConformanceCheck[] =>
    subject.fixtures.map((f) => ({ name: `${label}: ${f.name}`, run: () => run(f) }));

  return [
    {
      name: 'has fixtures, each with golden events',
      run: () => {
        if (subject.fixtures.length === 0)
          throw new ConformanceError('golden: no fixtures: add fixtures/callbacks/<name>.json');
        const empty = subject.updateGolden ? undefined : subject.fixtures.find((f) => f.golden.length === 0);
        if (empty) throw fail('golden', empty.name, 'has no golden events');
      },
    },
    ...perFixture('golden', (f) => {
      const signed = subject.sign(f);
      if (
        rejectedOrThrow('golden', f.name, () => provider.verifyCallback(signed.request, signed.context)) !==
        'accepted'
      )
        throw fail('golden', f.name, 'the signed fixture was rejected by verifyCallback');
      const { events } = normalize(f.request, subject.context(f));
      // The package's own run with UPDATE_GOLDEN=1 rewrites the golden file: review the diff.
      const update = subject.updateGolden === true && f.goldenFile !== undefined;
      if (update) writeFileSync(f.goldenFile as string, `${JSON.stringify(events, null, 2)}\n`);
      const diff = update ? undefined : firstDifference(events, f.golden);
      if (diff) throw fail('golden', f.name, `events${diff}`);
      const problems = draftProblems(events);
      if (problems.length > 0)
        throw fail('golden', f.name, `not a valid unified event: ${problems.join('; ')}`);
    }),
    ...perFixture('rejects forgeries', (f) => {
      const signed = subject.sign(f);
      const forgeries = subject.tamper(signed);
      if (forgeries.length === 0)
        throw fail('rejects forgeries', f.name, 'the provider supplies no tampering');
      for (const forged of forgeries) {
        const outcome = rejectedOrThrow(`rejects forgeries (${forged.name})`, f.name, () =>
          provider.verifyCallback(forged.request, signed.context),
        );
        if (outcome === 'accepted')
          throw fail('rejects forgeries', f.name, `accepted a forgery: ${forged.name}`);
      }
    }),
    ...perFixture('pure', (f) => {
      const context = subject.context(f);
      const before = JSON.stringify(f.request);
      let first: NormalizedCallback;
      let second: NormalizedCallback;
      try {
        first = withoutAmbientInputs(() => normalize(structuredClone(f.request), context));
        second = withoutAmbientInputs(() => normalize(f.request, context));
      } catch (error) {
        if (error instanceof ConformanceError) throw fail('pure', f.name, error.message);
        throw error;
      }
      if (JSON.stringify(f.request) !== before) throw fail('pure', f.name, 'normalization changed its input');
      const diff = firstDifference(second, first);
      if (diff) throw fail('pure', f.name, `the same input gave a different result at ${diff}`);
    }),
    ...perFixture('dedupe keys stable across a vendor retry', (f) => {
      const signed = subject.sign(f);
      const retried = subject.retry ? subject.retry(signed) : signed;
      if (
        rejectedOrThrow('dedupe', f.name, () => provider.verifyCallback(retried.request, retried.context)) !==
        'accepted'
      )
        throw fail(
          'dedupe keys stable across a vendor retry',
          f.name,
          'the retry was rejected by verifyCallback',
        );
      const a = normalize(signed.request, signed.context);
      const b = normalize(retried.request, retried.context);
      const keys = (n: NormalizedCallback) => ({
        dedupeKey: n.dedupeKey,
        events: n.events.map((e) => e.dedupeKey),
      });
      const diff = firstDifference(keys(b), keys(a));
      if (diff)
        throw fail('dedupe keys stable across a vendor retry', f.name, `the retry differs at ${diff}`);
    }),
  ];
}
