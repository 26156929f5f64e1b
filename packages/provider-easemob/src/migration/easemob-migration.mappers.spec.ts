import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { HistoryMessage, MigrationProfile } from '@im-gateway/types';
import { easemobBlockPage } from './easemob-directory.reader.js';
import { easemobRegisterBody } from './easemob-directory.writer.js';
import {
  easemobExportRecords,
  easemobImportTimestamp,
  fromEasemobHistoryRecord,
  toEasemobImport,
} from './easemob-history.mapper.js';
import { fromEasemobMetadata, toEasemobMetadata } from './easemob-profile.mapper.js';

// One file per vendor-doc example in fixtures/migration (each names its source and any repair).
const DIR = fileURLToPath(new URL('../../fixtures/migration/', import.meta.url));
type Fixture = Record<string, unknown> & { kind: string; source: string };
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(`${DIR}${f}`, 'utf8')) as Fixture] as const);
const ofKind = (kind: string) => fixtures.filter(([, f]) => f.kind === kind);

describe('Easemob migration fixtures', () => {
  it('each names its source and has a kind a table below reads', () => {
    const kinds = new Set(['metadata', 'metadata-form', 'blocklist', 'register', 'history']);
    for (const [, f] of fixtures) {
      expect(f.source).toMatch(/easemob/);
      expect(kinds.has(f.kind)).toBe(true);
    }
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });
});

describe('Easemob profile mapper', () => {
  it.each(ofKind('metadata'))('%s: attributes → neutral profile', (_name, f) => {
    const body = f['body'] as { data: Record<string, unknown> };
    expect(fromEasemobMetadata(body.data)).toEqual(f['expected']);
  });

  it.each(ofKind('metadata-form'))('%s: neutral profile → the printed form', (_name, f) => {
    const form = toEasemobMetadata(f['profile'] as MigrationProfile);
    expect(Object.fromEntries(new URLSearchParams(String(f['form'])))).toEqual(form);
  });

  it('maps gender codes both ways and leaves an unknown code out', () => {
    expect(fromEasemobMetadata({ gender: '1' }).gender).toBe('male');
    expect(fromEasemobMetadata({ gender: '2' }).gender).toBe('female');
    expect(fromEasemobMetadata({ gender: '0' }).gender).toBe('unknown');
    expect(fromEasemobMetadata({ gender: '9' })).toEqual({});
    expect(toEasemobMetadata({ gender: 'female', birthday: '2000-01-01' })).toEqual({
      gender: '2',
      birth: '2000-01-01',
    });
  });
});

describe('Easemob directory answers and requests', () => {
  it.each(ofKind('blocklist'))('%s: the blocklist page', (_name, f) => {
    expect(easemobBlockPage(String(f['owner']), f['body'] as Record<string, unknown>)).toEqual(f['expected']);
  });

  it.each(ofKind('register'))('%s: the batch registration body', (_name, f) => {
    const passwords = f['passwords'] as Record<string, string>;
    expect(easemobRegisterBody(Object.keys(passwords), (u) => passwords[u]!)).toEqual(f['body']);
  });
});

describe('Easemob history mapper', () => {
  it.each(ofKind('history'))('%s: export record → history message, the record kept as raw', (_name, f) => {
    expect(fromEasemobHistoryRecord(f['record'])).toEqual({ ...(f['expected'] as object), raw: f['record'] });
  });

  it.each(ofKind('history'))('%s: history message → the import body of the same message', (_name, f) => {
    const record = f['record'] as {
      payload: { bodies: Record<string, unknown>[]; ext: object };
      timestamp: number;
    };
    const { type, ...body } = record.payload.bodies[0]!;
    const result = toEasemobImport(f['expected'] as HistoryMessage);
    expect(result).toEqual({
      ok: true,
      kind: 'users',
      body: {
        from: 'user1',
        target: 'user2',
        type,
        body,
        ...(Object.keys(record.payload.ext).length > 0 ? { ext: record.payload.ext } : {}),
        msg_timestamp: record.timestamp,
      },
    });
  });

  it('reads the 2023 layout (top-level from/to) when the payload has none', () => {
    const [, f] = ofKind('history')[0]!;
    const record = structuredClone(f['record']) as { payload: Record<string, unknown> };
    delete record.payload['from'];
    delete record.payload['to'];
    expect(fromEasemobHistoryRecord(record)).toEqual({ ...(f['expected'] as object), raw: record });
  });

  it('refuses records without id, time or a known chat type', () => {
    expect(fromEasemobHistoryRecord({ timestamp: 1, chat_type: 'chat' })).toBeNull();
    expect(fromEasemobHistoryRecord({ msg_id: '1', chat_type: 'chat' })).toBeNull();
    expect(fromEasemobHistoryRecord({ msg_id: '1', timestamp: 1, chat_type: 'thread' })).toBeNull();
  });

  it('reads export files as JSON lines or as one array', () => {
    const records = [{ a: 1 }, { b: 2 }];
    expect(easemobExportRecords(records.map((r) => JSON.stringify(r)).join('\n'))).toEqual(records);
    expect(easemobExportRecords(JSON.stringify(records))).toEqual(records);
    expect(easemobExportRecords('  \n')).toEqual([]);
  });

  const message = (over: Partial<HistoryMessage>): HistoryMessage => ({
    messageId: 'm',
    conversation: { type: 'direct', id: 'b' },
    from: 'a',
    to: 'b',
    sentAt: 1_700_000_000_000,
    contents: [{ type: 'text', text: 'x' }],
    ...over,
  });

  it.each([
    ['recalled', message({ recalled: true }), /recalled/],
    ['chat room', message({ conversation: { type: 'chatroom', id: 'r' } }), /no chat room message import/],
    [
      'two elements',
      message({
        contents: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      }),
      /one body/,
    ],
    ['face', message({ contents: [{ type: 'face', index: 1 }] }), /face/],
    [
      'unknown',
      message({ contents: [{ type: 'unknown', vendorType: 'x', raw: {} }] }),
      /no Easemob equivalent/,
    ],
  ])('skips what Easemob cannot import: %s', (_name, m, reason) => {
    const result = toEasemobImport(m);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('places second-precision messages within their second by source sequence, deterministically', () => {
    expect(easemobImportTimestamp(message({ sentAt: 1_700_000_000_000, sequence: 1234 }))).toBe(
      1_700_000_000_234,
    );
    expect(easemobImportTimestamp(message({ sentAt: 1_700_000_000_000, messageId: '@TGS#1:57' }))).toBe(
      1_700_000_000_057,
    );
    // A millisecond source keeps its time; so does a whole second without a sequence.
    expect(easemobImportTimestamp(message({ sentAt: 1_700_000_000_123, sequence: 9 }))).toBe(
      1_700_000_000_123,
    );
    expect(easemobImportTimestamp(message({ sentAt: 1_700_000_000_000 }))).toBe(1_700_000_000_000);
  });

  it('carries ext, else CloudCustomData as the live path reads it', () => {
    const ext = (m: HistoryMessage) => {
      const r = toEasemobImport(m);
      return r.ok ? r.body['ext'] : 'skipped';
    };
    expect(ext(message({ ext: { imGatewayRelay: { relayId: 'r' } }, cloudCustomData: 'x' }))).toEqual({
      imGatewayRelay: { relayId: 'r' },
    });
    expect(ext(message({ cloudCustomData: '{"a":1}' }))).toEqual({ a: 1 });
    expect(ext(message({ cloudCustomData: 'plain' }))).toEqual({ cloudCustomData: 'plain' });
    expect(ext(message({}))).toBeUndefined();
  });

  it('sends group messages to the group import with the group as target', () => {
    const result = toEasemobImport(message({ conversation: { type: 'group', id: 'g1' }, to: 'g1' }));
    expect(result).toMatchObject({ ok: true, kind: 'chatgroups', body: { target: 'g1' } });
  });
});
