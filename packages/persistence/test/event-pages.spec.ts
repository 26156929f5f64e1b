import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  EventEntity,
  EventRepository,
  newId,
  Transactor,
  type EventFilter,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let events: EventRepository;
const APP = newId();
const OTHER_APP = newId();
const T0 = Date.UTC(2026, 0, 1);

interface Row {
  id: string;
  appId: string;
  type: string;
  conversationType: string;
  conversationId: string;
  actor: string;
  occurredAt: string;
}
const rows: Row[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  events = new EventRepository(new Transactor(ds));
  // A mix where a user's events come from both ranges of the user filter, interleaved: messages they sent
  // (actor) and one-to-one messages whose conversation is theirs while someone else acted (conversation id).
  const users = ['u1', 'u2', 'u3'];
  const types = ['message.sent', 'message.recalled', 'user.online'];
  for (let i = 0; i < 90; i++) {
    const direct = i % 3 !== 2;
    const row: Row = {
      id: newId(),
      appId: i % 10 === 9 ? OTHER_APP : APP,
      type: types[Math.floor(i / 3) % 3]!,
      conversationType: direct ? 'direct' : 'group',
      conversationId: direct ? users[(i * 5) % 3]! : 'g1',
      actor: users[(i + 1) % 3]!,
      occurredAt: new Date(T0 + i * 60_000).toISOString(),
    };
    rows.push(row);
  }
  for (const r of rows)
    await ds.manager.insert(EventEntity, {
      ...r,
      callbackId: null,
      provider: 'easemob',
      dedupeKey: r.id,
      receivedAt: r.occurredAt,
      body: { id: r.id } as never,
    });
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

/** What a filter selects, worked out in memory from the rows inserted: the list's definition. */
function expected(f: EventFilter): string[] {
  return rows
    .filter((r) => r.appId === APP)
    .filter(
      (r) =>
        !f.userId ||
        r.actor === f.userId ||
        (r.conversationType === 'direct' && r.conversationId === f.userId),
    )
    .filter(
      (r) =>
        !f.type ||
        f.type.split(',').some((p) => (p.endsWith('.*') ? r.type.startsWith(p.slice(0, -1)) : r.type === p)),
    )
    .filter((r) => !f.conversationType || r.conversationType === f.conversationType)
    .filter((r) => !f.conversationId || r.conversationId === f.conversationId)
    .filter((r) => !f.since || r.occurredAt >= f.since)
    .filter((r) => !f.until || r.occurredAt < f.until)
    .map((r) => r.id)
    .sort();
}

/** Every page of a filter, `limit` at a time, following the cursors. */
async function walk(f: EventFilter, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await events.page(APP, f, cursor, limit);
    expect(page.data.length).toBeLessThanOrEqual(limit);
    ids.push(...page.data.map((e) => e.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('no last page');
}

const FILTERS: [string, EventFilter][] = [
  ['no filter', {}],
  ['a user', { userId: 'u1' }],
  ['another user', { userId: 'u3' }],
  ['a user and a type', { userId: 'u2', type: 'message.sent' }],
  ['a user and a type pattern list', { userId: 'u1', type: 'message.*,user.online' }],
  ['a user in one-to-one conversations', { userId: 'u1', conversationType: 'direct' }],
  ['a user in a group', { userId: 'u2', conversationType: 'group', conversationId: 'g1' }],
  [
    'a user in a time range',
    {
      userId: 'u1',
      since: new Date(T0 + 20 * 60_000).toISOString(),
      until: new Date(T0 + 70 * 60_000).toISOString(),
    },
  ],
  ['a user with no events', { userId: 'nobody' }],
  ['a type alone', { type: 'message.recalled' }],
];

describe('EventRepository.page', () => {
  it('the data set has users whose events come from both ranges of the user filter', () => {
    const mine = rows.filter((r) => r.appId === APP);
    expect(mine.some((r) => r.actor === 'u1' && r.conversationId !== 'u1')).toBe(true);
    expect(
      mine.some((r) => r.actor !== 'u1' && r.conversationType === 'direct' && r.conversationId === 'u1'),
    ).toBe(true);
  });

  it.each(FILTERS)('%s: pages of 1, 3 and 100 give every event once, in id order', async (_name, filter) => {
    const want = expected(filter);
    for (const limit of [1, 3, 100]) expect(await walk(filter, limit)).toEqual(want);
  });
});
