import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';
import { boundaryChecks } from '@im-gateway/provider-kit/conformance';

// The callback code is pure (house style): no framework, ORM, HTTP client or validator may creep in.
const checks = boundaryChecks(fileURLToPath(new URL('.', import.meta.url)));

describe('Easemob callback/ stays pure', () => {
  it.each(checks.map((c) => [c.name, c] as const))('%s', (_name, check) => check.run());
});
