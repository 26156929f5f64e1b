import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { boundaryChecks, boundaryProblems } from '@im-gateway/provider-kit/conformance';

// The callback code is pure (house style): no framework, ORM, HTTP client or validator may creep in.
const checks = boundaryChecks(fileURLToPath(new URL('.', import.meta.url)));

describe('Easemob callback/ stays pure', () => {
  it.each(checks.map((c) => [c.name, c] as const))('%s', (_name, check) => check.run());
});

describe('Easemob recovered events stay as pure as callback/', () => {
  it('imports only what callback code may: they run its normalizer on rebuilt callback bodies', () => {
    const file = fileURLToPath(new URL('../reconcile/easemob-recovered.events.ts', import.meta.url));
    expect(boundaryProblems(file, fileURLToPath(new URL('.', import.meta.url)))).toEqual([]);
  });
});
