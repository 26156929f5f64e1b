import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { isEventType } from '@im-gateway/types';
import { normalizeTencentCallback, TENCENT_CALLBACK_COMMANDS } from '../src/callback/index.js';
import { FIXTURES } from './tencent-fixtures.js';

/** The README mapping table is documentation the code must not drift from. */
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const section = readme.slice(readme.indexOf('## Mapping table'));
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split('|').map((cell) => cell.trim()));
const ticks = (cell: string | undefined): string[] =>
  [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
const tableCommands = rows.map((r) => ticks(r[1])[0] ?? '');

describe('README mapping table', () => {
  it('lists every command the classifier knows, once, and nothing else', () => {
    expect([...tableCommands].sort()).toEqual([...TENCENT_CALLBACK_COMMANDS].sort());
  });

  it('names only unified event types', () => {
    for (const row of rows) for (const type of ticks(row[3])) expect(isEventType(type)).toBe(true);
  });

  it('names fixtures that exist, and every fixture once', () => {
    const named = rows.flatMap((r) => ticks(r[5]));
    for (const file of named) expect(existsSync(join(FIXTURES.callbacksDir, file))).toBe(true);
    expect(named.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(FIXTURES.names());
  });

  it('states the type each command is normalized into', () => {
    for (const row of rows) {
      const command = ticks(row[1])[0] ?? '';
      const query = { SdkAppid: '1', CallbackCommand: command };
      const { events } = normalizeTencentCallback(
        { body: {}, rawBody: '{}', query, headers: {} },
        { appId: 'a', config: { sdkAppId: 1 }, now: new Date(0) },
      );
      // An empty body leaves ExitType and the state action unknown, which is provider.unknown by design.
      for (const event of events) expect([...ticks(row[3]), 'provider.unknown']).toContain(event.type);
    }
  });
});
