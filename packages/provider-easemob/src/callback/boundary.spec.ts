import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN = ['@nestjs', 'typeorm', 'axios', 'class-validator', 'fastify'];
const ALLOWED = [
  /^node:/,
  /^@im-gateway\/types$/,
  /^@im-gateway\/signing$/,
  /^@im-gateway\/provider-kit\/callback$/,
  /^\.\.?\//,
];

function imports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
  ))
    found.push(m[1] ?? m[2] ?? m[3] ?? '');
  return found;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

describe('callback/ stays pure', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s imports no framework, ORM or HTTP client', (file) => {
    const found = imports(readFileSync(`${DIR}${file}`, 'utf8'));
    for (const spec of found)
      expect(FORBIDDEN.some((f) => spec === f || spec.startsWith(`${f}/`))).toBe(false);
    for (const spec of found) expect(ALLOWED.some((re) => re.test(spec))).toBe(true);
  });

  // easemob.config.ts carries class-validator decorators: callback/ may name its type, never load it.
  it('reaches outside callback/ only for a type-only import of the config', () => {
    for (const file of files) {
      const source = readFileSync(`${DIR}${file}`, 'utf8');
      for (const line of source.split('\n').filter((l) => /from\s+['"]\.\.\//.test(l)))
        expect(line).toMatch(/^import type \{ EasemobConfig \} from '\.\.\/easemob\.config\.js';$/);
    }
  });
});
