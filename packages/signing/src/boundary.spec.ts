import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// signing is pure (ARCHITECTURE.md: no framework, no I/O): its sources may import only node:*
// built-ins and each other.
const root = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

describe('signing package boundary', () => {
  const files = sources(root);

  it('has sources to check', () => {
    expect(files.map((file) => relative(root, file))).toEqual(
      expect.arrayContaining(['index.ts', 'usersig.ts']),
    );
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s imports only node:* and relative files',
    (_name, file) => {
      const foreign = [...readFileSync(file, 'utf8').matchAll(specifier)]
        .map((match) => match[1] ?? '')
        .filter((spec) => !spec.startsWith('node:') && !spec.startsWith('./') && !spec.startsWith('../'));
      expect(foreign).toEqual([]);
    },
  );
});
