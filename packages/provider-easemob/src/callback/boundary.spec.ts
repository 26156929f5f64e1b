import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { boundaryProblems, boundarySources } from '@im-gateway/provider-kit/conformance';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const files = boundarySources(DIR);

// The callback code is pure (house style): no framework, ORM, HTTP client or validator may creep in.
describe('Easemob callback/ stays pure', () => {
  it('has source files to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files.map((f) => [f.slice(DIR.length), f]))(
    '%s imports only what callback code may',
    (_n, file) => {
      expect(boundaryProblems(file, DIR)).toEqual([]);
    },
  );
});
