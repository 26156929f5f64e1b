import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { isEventType } from '@im-gateway/types';
import { EASEMOB_CALLBACK_KINDS, EASEMOB_UNKNOWN_KIND_PATTERNS } from '../src/callback/index.js';
import { FIXTURES } from './easemob-fixtures.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** Rows of the "Mapping table" section: first cell (kind), second (unified type), last (fixtures). */
function tableRows(): { kind: string; type: string; fixtures: string }[] {
  const section = README.split('## Mapping table')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim()))
    .map((cells) => ({
      kind: (cells[0] ?? '').replace(/`/g, ''),
      type: (cells[1] ?? '').replace(/`/g, ''),
      fixtures: cells.at(-1) ?? '',
    }));
}

describe('README mapping table', () => {
  const rows = tableRows();
  const byKind = new Map(rows.map((r) => [r.kind, r]));

  it('lists every kind the classifier maps, with its unified type', () => {
    for (const [kind, type] of Object.entries(EASEMOB_CALLBACK_KINDS))
      expect(byKind.get(kind)?.type).toBe(type);
  });

  it('lists the kinds published as provider.unknown', () => {
    for (const pattern of EASEMOB_UNKNOWN_KIND_PATTERNS)
      expect(byKind.get(pattern)?.type).toBe('provider.unknown');
  });

  it('names no kind the code does not know and only real unified types', () => {
    const known = new Set<string>([...Object.keys(EASEMOB_CALLBACK_KINDS), ...EASEMOB_UNKNOWN_KIND_PATTERNS]);
    for (const row of rows) {
      expect(known.has(row.kind)).toBe(true);
      for (const type of row.type.split(' / ')) expect(isEventType(type)).toBe(true);
    }
  });

  it('points every fixture to a row and every listed fixture to a file', () => {
    const listed = rows.flatMap((r) => [...r.fixtures.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
    expect([...new Set(listed)].sort()).toEqual(FIXTURES.names());
  });
});
