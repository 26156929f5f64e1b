import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { boundaryChecks, boundaryProblems, boundarySources } from './conformance.boundary.js';

const root = mkdtempSync(join(tmpdir(), 'boundary-'));
const callback = join(root, 'src', 'callback');
mkdirSync(join(callback, 'family'), { recursive: true });
const file = (name: string, source: string) => {
  writeFileSync(join(callback, name), source);
  return join(callback, name);
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('boundaryProblems', () => {
  it('accepts node, types, signing, the kit callback helpers, siblings and a type-only config import', () => {
    const pure = file(
      'pure.ts',
      [
        "import { createHash } from 'node:crypto';",
        "import { CallbackRejectedError } from '@im-gateway/types';",
        "import { verifyUserSig } from '@im-gateway/signing';",
        "import { readString } from '@im-gateway/provider-kit/callback';",
        "import { x } from './sibling.js';",
        "import type { AcmeConfig } from '../acme.config.js';",
        "export { y } from './family/y.js';",
      ].join('\n'),
    );
    expect(boundaryProblems(pure, callback)).toEqual([]);
  });

  it('names each import that breaks the boundary', () => {
    const impure = file(
      'impure.ts',
      [
        "import { Injectable } from '@nestjs/common';",
        "import axios from 'axios';",
        "import { validateProviderConfig } from '@im-gateway/provider-kit';",
        "import { AcmeConfig } from '../acme.config.js';",
        "const lazy = await import('typeorm');",
      ].join('\n'),
    );
    expect(boundaryProblems(impure, callback)).toEqual([
      'impure.ts imports @nestjs/common, a framework package',
      'impure.ts imports axios, a framework package',
      'impure.ts imports @im-gateway/provider-kit',
      'impure.ts imports ../acme.config.js from outside callback/ (only `import type` may)',
      'impure.ts imports typeorm, a framework package',
    ]);
  });

  it('lists sources in subfolders and leaves specs out', () => {
    writeFileSync(join(callback, 'family', 'y.ts'), '');
    writeFileSync(join(callback, 'y.spec.ts'), '');
    expect(boundarySources(callback).map((f) => f.slice(callback.length + 1))).toEqual(
      expect.arrayContaining(['family/y.ts']),
    );
    expect(boundarySources(callback).some((f) => f.endsWith('.spec.ts'))).toBe(false);
  });
});

describe('boundaryChecks', () => {
  it('names one check per source and fails the impure one with its problems', () => {
    const checks = boundaryChecks(callback);
    expect(checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['boundary: has callback sources', 'boundary: pure.ts', 'boundary: impure.ts']),
    );
    expect(() => checks.find((c) => c.name === 'boundary: pure.ts')?.run()).not.toThrow();
    expect(() => checks.find((c) => c.name === 'boundary: impure.ts')?.run()).toThrow(
      /^boundary: impure\.ts imports @nestjs\/common, a framework package; /,
    );
  });
});
