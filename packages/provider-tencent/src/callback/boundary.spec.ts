import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/** The callback code is pure (house style): no framework, ORM, HTTP client or validator may creep in. */
const FORBIDDEN = ['@nestjs', 'typeorm', 'axios', 'class-validator', 'fastify'];
const IMPORT =
  /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('callback boundary', () => {
  const files = sources(import.meta.dirname);

  it('finds the callback sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [f.slice(import.meta.dirname.length + 1), f]))(
    '%s imports no framework package',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
      const bad = specifiers.filter((s) => FORBIDDEN.some((f) => s === f || s.startsWith(`${f}/`)));
      expect(bad).toEqual([]);
    },
  );
});
