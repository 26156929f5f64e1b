import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  BridgeMappingEntity,
  BridgeRepository,
  createDataSource,
  MappingRepository,
  newId,
  nowIso,
  RelayAttemptEntity,
  RelayedMessageEntity,
  RelayedMessageRepository,
  RelayEntity,
  RelayLogRepository,
  RelayRepository,
  RelayStatsRepository,
  Transactor,
  type BridgeEntity,
  type MappingPair,
  type RelayStatus,
} from '../src/index.js';
import { createTestDatabase, insertTestBridge, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let transactor: Transactor;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  transactor = new Transactor(ds);
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

function bridge(): Promise<BridgeEntity> {
  return insertTestBridge(transactor);
}

function relay(b: BridgeEntity, status: RelayStatus, extra: Partial<RelayEntity> = {}): RelayEntity {
  const now = nowIso();
  return Object.assign(new RelayEntity(), {
    id: newId(),
    bridgeId: b.id,
    sourceAppId: b.sourceAppId,
    targetAppId: b.targetAppId,
    originEventId: newId(),
    action: 'message',
    sourceMessageId: newId(),
    conversationKind: 'group',
    conversationId: 'g1',
    status,
    reason: null,
    attempts: 0,
    nextAttemptAt: now,
    lastAttemptAt: null,
    lockedUntil: null,
    lastError: null,
    targetMessageIds: null,
    occurredAt: now,
    createdAt: now,
    relayedAt: null,
    updatedAt: now,
    ...extra,
  });
}

function pair(b: BridgeEntity, relayId: string, sourceMessageId: string, targetMessageId: string) {
  return Object.assign(new RelayedMessageEntity(), {
    id: newId(),
    bridgeId: b.id,
    relayId,
    sourceAppId: b.sourceAppId,
    sourceMessageId,
    sourceFrom: 'alice',
    sourceToType: 'group',
    sourceToId: 'g1',
    targetAppId: b.targetAppId,
    targetMessageId,
    targetFrom: 'alice_t',
    targetToType: 'group',
    targetToId: 'g1_t',
    recalledAt: null,
    recallRelayId: null,
    createdAt: nowIso(),
  });
}

describe('MappingRepository', () => {
  const rows = (...pairs: [string, string][]): MappingPair[] =>
    pairs.map(([source, target]) => ({ source, target }));

  it('maps an id either way across the table', async () => {
    const b = await bridge();
    const mappings = new MappingRepository(transactor);
    await mappings.upload(b.id, 'user', 'replace', rows(['a', 'A'], ['b', 'B']), nowIso(), async () => []);
    expect(await mappings.mapped(b.id, 'user', 'a', 'forward')).toBe('A');
    expect(await mappings.mapped(b.id, 'user', 'B', 'reverse')).toBe('b');
    expect(await mappings.mapped(b.id, 'user', 'A', 'forward')).toBeNull();
    expect(await mappings.mapped(b.id, 'group', 'a', 'forward')).toBeNull();
  });

  it('maps many ids at once, either way, beyond one statement of ids, leaving out those without a row', async () => {
    const b = await bridge();
    const mappings = new MappingRepository(transactor);
    const many = Array.from({ length: 2_500 }, (_, i): [string, string] => [`u${i}`, `T${i}`]);
    await mappings.upload(b.id, 'user', 'replace', rows(...many), nowIso(), async () => []);
    await mappings.upload(b.id, 'group', 'replace', rows(['u1', 'G1']), nowIso(), async () => []);
    const asked = [...many.map(([source]) => source), 'nobody', 'u7'];
    const forward = await mappings.mappedMany(b.id, 'user', asked, 'forward');
    expect(forward.size).toBe(2_500);
    expect(forward.get('u2499')).toBe('T2499');
    expect(forward.has('nobody')).toBe(false);
    const reverse = await mappings.mappedMany(b.id, 'user', ['T5', 'u5'], 'reverse');
    expect([...reverse]).toEqual([['T5', 'u5']]);
    expect([...(await mappings.mappedMany(b.id, 'group', ['u1', 'u2'], 'forward'))]).toEqual([['u1', 'G1']]);
  });

  it('merges: shows the rows holding the uploaded targets, then replaces rows by source id', async () => {
    const b = await bridge();
    const mappings = new MappingRepository(transactor);
    await mappings.upload(b.id, 'user', 'replace', rows(['a', 'A'], ['b', 'B']), nowIso(), async () => []);
    let seen: MappingPair[] = [];
    const upload = rows(['a', 'A2'], ['c', 'B'], ['d', 'D']);
    await mappings.upload(b.id, 'user', 'merge', upload, nowIso(), async (holding) => {
      seen = await holding(upload.map((r) => r.target));
      return upload.filter((r) => r.source !== 'c'); // the caller refuses `c`: B belongs to `b`
    });
    expect(seen).toEqual([{ source: 'b', target: 'B' }]);
    expect(await mappings.count(b.id, 'user')).toBe(4 - 1);
    expect(await mappings.mapped(b.id, 'user', 'a', 'forward')).toBe('A2');
    expect(await mappings.mapped(b.id, 'user', 'B', 'reverse')).toBe('b');
  });

  it('never shows a lookup a table half replaced', async () => {
    const b = await bridge();
    const mappings = new MappingRepository(transactor);
    await mappings.upload(b.id, 'user', 'replace', rows(['a', 'A']), nowIso(), async () => []);
    let emptied!: () => void;
    let resume!: () => void;
    const isEmpty = new Promise<void>((done) => (emptied = done));
    const gate = new Promise<void>((done) => (resume = done));
    const replacing = transactor.transaction(async (m) => {
      await m.delete(BridgeMappingEntity, { bridgeId: b.id });
      emptied();
      await gate;
      const row = { id: newId(), bridgeId: b.id, kind: 'user' as const, sourceId: 'a', targetId: 'A2' };
      await m.insert(BridgeMappingEntity, { ...row, createdAt: nowIso() });
    });
    await isEmpty;
    const lookup = mappings.mapped(b.id, 'user', 'a', 'forward');
    resume();
    await replacing;
    // PostgreSQL shows the committed table before the replace; SQLite waits for the replace to commit.
    expect(['A', 'A2']).toContain(await lookup);
  });

  it('pages the table in id order', async () => {
    const b = await bridge();
    const mappings = new MappingRepository(transactor);
    const many = Array.from({ length: 5 }, (_, i): [string, string] => [`s${i}`, `t${i}`]);
    await mappings.upload(b.id, 'group', 'replace', rows(...many), nowIso(), async () => []);
    const first = await mappings.page(b.id, 'group', undefined, 3);
    const second = await mappings.page(b.id, 'group', first.nextCursor!, 3);
    expect(first.data).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((r) => r.sourceId).sort()).toEqual(many.map(([s]) => s));
  });
});

describe('RelayedMessageRepository', () => {
  it('finds a pair from either side, and the recall relayed for it', async () => {
    const b = await bridge();
    const relays = new RelayLogRepository(transactor);
    const pairs = new RelayedMessageRepository(transactor);
    const message = relay(b, 'relayed');
    const recall = relay(b, 'relaying', { action: 'recall', sourceMessageId: 'm1' });
    await relays.insert(message);
    await relays.insert(recall);
    const p = pair(b, message.id, 'm1', 'm1-copy');
    await pairs.insert([p]);

    expect(await pairs.isCopy(b.targetAppId, 'm1-copy')).toBe(true);
    expect(await pairs.isCopy(b.sourceAppId, 'm1')).toBe(false);
    expect((await pairs.pairsOf(b.id, b.sourceAppId, 'm1')).map((r) => r.id)).toEqual([p.id]);
    expect((await pairs.pairsOf(b.id, b.targetAppId, 'm1-copy')).map((r) => r.id)).toEqual([p.id]);
    expect(await pairs.recallOf(b.targetAppId, 'm1-copy')).toBeNull();

    await pairs.markRecalled(p.id, nowIso(), recall.id);
    const expected = {
      bridgeId: b.id,
      relayId: recall.id,
      originEventId: recall.originEventId,
      provider: 'easemob',
    };
    expect(await pairs.recallOf(b.targetAppId, 'm1-copy')).toEqual(expected);
    expect(await pairs.recallOf(b.sourceAppId, 'm1')).toEqual(expected);
  });
});

describe('RelayStatsRepository', () => {
  it('counts as numbers on either engine, and finds the latest error', async () => {
    const b = await bridge();
    const relays = new RelayLogRepository(transactor);
    const done = relay(b, 'relayed', { relayedAt: nowIso() });
    await relays.insert(done);
    await relays.insert(relay(b, 'relayed', { relayedAt: nowIso() }));
    await relays.insert(relay(b, 'failed', { conversationId: 'g2' }));
    await ds.manager.insert(RelayAttemptEntity, {
      id: newId(),
      relayId: done.id,
      attemptedAt: nowIso(),
      outcome: 'pending',
      durationMs: 3,
      error: 'vendor 503',
    });
    const stats = new RelayStatsRepository(transactor);
    expect(await stats.countsByKind(b.id)).toEqual(
      expect.arrayContaining([
        { action: 'message', conversationKind: 'group', status: 'relayed', n: 2 },
        { action: 'message', conversationKind: 'group', status: 'failed', n: 1 },
      ]),
    );
    const busiest = await stats.countsOfBusiestConversations(b.id, 1);
    expect(busiest).toEqual([{ conversationKind: 'group', conversationId: 'g1', status: 'relayed', n: 2 }]);
    expect(await stats.lagSamples(b.id, 10)).toHaveLength(2);
    // The error of a relay relayed since is resolved: not reported.
    expect(await stats.lastError(b.id)).toBeNull();
  });

  it('reports the latest error of a relay not relayed since, older than a resolved one', async () => {
    const b = await bridge();
    const relays = new RelayLogRepository(transactor);
    const stuck = relay(b, 'failed');
    const resolved = relay(b, 'relayed', { relayedAt: nowIso() });
    await relays.insert(stuck);
    await relays.insert(resolved);
    const attempt = (relayId: string, attemptedAt: string, error: string | null, outcome: string) =>
      ds.manager.insert(RelayAttemptEntity, {
        id: newId(),
        relayId,
        attemptedAt,
        outcome,
        durationMs: 1,
        error,
      });
    await attempt(stuck.id, '2026-01-01T00:00:01.000Z', 'vendor 400', 'failed');
    await attempt(resolved.id, '2026-01-01T00:00:02.000Z', 'vendor 503', 'pending');
    await attempt(resolved.id, '2026-01-01T00:00:03.000Z', null, 'relayed');
    const stats = new RelayStatsRepository(transactor);
    expect(await stats.lastError(b.id)).toEqual({
      relayId: stuck.id,
      outcome: 'failed',
      error: 'vendor 400',
      attemptedAt: '2026-01-01T00:00:01.000Z',
    });
  });
});

describe('RelayLogRepository', () => {
  it('pages the relays of one source message, of either app and action, and tells which ids it holds', async () => {
    const b = await bridge();
    const other = await bridge();
    const relays = new RelayLogRepository(transactor);
    const message = relay(b, 'relayed', { sourceMessageId: 'm-42' });
    const recall = relay(b, 'failed', { action: 'recall', sourceMessageId: 'm-42' });
    const back = relay(b, 'relayed', {
      sourceAppId: b.targetAppId,
      targetAppId: b.sourceAppId,
      sourceMessageId: 'm-42',
    });
    const elsewhere = relay(other, 'relayed', { sourceMessageId: 'm-42' });
    for (const r of [message, recall, back, elsewhere, relay(b, 'relayed', { sourceMessageId: 'm-4' })])
      await relays.insert(r);
    const appIds = [b.sourceAppId, b.targetAppId];
    const page = await relays.page(b.id, { sourceMessageId: 'm-42', appIds }, undefined, 10);
    expect(page.data.map((r) => r.id).sort()).toEqual([message.id, recall.id, back.id].sort());
    const failed = await relays.page(
      b.id,
      { sourceMessageId: 'm-42', status: 'failed', appIds },
      undefined,
      10,
    );
    expect(failed.data.map((r) => r.id)).toEqual([recall.id]);
    expect((await relays.existing(b.id, [message.id, elsewhere.id, newId()])).sort()).toEqual([message.id]);
    expect(await relays.existing(b.id, [])).toEqual([]);
  });
});

describe('BridgeRepository', () => {
  it('removes a bridge with its relays, attempts, pairs and id tables', async () => {
    const b = await bridge();
    const other = await bridge();
    const relays = new RelayLogRepository(transactor);
    const mine = relay(b, 'failed');
    const theirs = relay(other, 'failed');
    await relays.insert(mine);
    await relays.insert(theirs);
    for (const r of [mine, theirs])
      await ds.manager.insert(RelayAttemptEntity, {
        id: newId(),
        relayId: r.id,
        attemptedAt: nowIso(),
        outcome: 'failed',
        durationMs: 1,
        error: 'x',
      });
    await new RelayedMessageRepository(transactor).insert([pair(b, mine.id, 'm', 'm-copy')]);
    await new MappingRepository(transactor).upload(
      b.id,
      'user',
      'replace',
      [{ source: 'a', target: 'A' }],
      nowIso(),
      async () => [],
    );

    const bridges = new BridgeRepository(transactor);
    expect((await bridges.forApp(b.targetAppId)).map((x) => x.id)).toEqual([b.id]);
    expect((await bridges.findBetween(b.targetAppId, b.sourceAppId))?.id).toBe(b.id);
    await bridges.remove(b.id);

    expect(await bridges.find(b.id)).toBeNull();
    expect(await ds.manager.countBy(RelayEntity, { bridgeId: b.id })).toBe(0);
    expect(await ds.manager.countBy(RelayAttemptEntity, { relayId: mine.id })).toBe(0);
    expect(await ds.manager.countBy(RelayedMessageEntity, { bridgeId: b.id })).toBe(0);
    expect(await new MappingRepository(transactor).count(b.id, 'user')).toBe(0);
    expect(await ds.manager.countBy(RelayAttemptEntity, { relayId: theirs.id })).toBe(1);
    expect(await relays.pending(other.id)).toEqual([]);
  });
});

describe('RelayRepository', () => {
  it('keeps the kind and the sent ids of a relay whose failed attempt did not know them, and takes new ones', async () => {
    const b = await bridge();
    const row = relay(b, 'pending', { conversationKind: 'direct', targetMessageIds: ['t-1'] });
    await new RelayLogRepository(transactor).insert(row);
    const relays = new RelayRepository(transactor);
    const attempt = (outcome: string) =>
      Object.assign(new RelayAttemptEntity(), {
        id: newId(),
        relayId: row.id,
        attemptedAt: nowIso(),
        outcome,
        durationMs: 1,
        error: null,
      });
    const claimed = await relays.claim(row.id, nowIso(), new Date(Date.now() + 8_000).toISOString());
    expect(claimed).toMatchObject({ conversation_kind: 'direct', target_message_ids: '["t-1"]' });
    const at = nowIso();
    await relays.finish(
      row.id,
      {
        status: 'pending',
        attempts: 1,
        nextAttemptAt: at,
        lastAttemptAt: at,
        reason: null,
        lastError: 'Query read timeout',
        targetMessageIds: null,
        relayedAt: null,
        conversationKind: null,
      },
      attempt('pending'),
    );
    const kept = await ds.manager.findOneByOrFail(RelayEntity, { id: row.id });
    expect(kept).toMatchObject({ conversationKind: 'direct', targetMessageIds: ['t-1'], attempts: 1 });

    await relays.claim(row.id, nowIso(), new Date(Date.now() + 8_000).toISOString());
    await relays.finish(
      row.id,
      {
        status: 'relayed',
        attempts: 2,
        nextAttemptAt: null,
        lastAttemptAt: nowIso(),
        reason: null,
        lastError: null,
        targetMessageIds: ['t-1', 't-2'],
        relayedAt: nowIso(),
        conversationKind: 'chatroom',
      },
      attempt('relayed'),
    );
    const done = await ds.manager.findOneByOrFail(RelayEntity, { id: row.id });
    expect(done).toMatchObject({
      status: 'relayed',
      conversationKind: 'chatroom',
      targetMessageIds: ['t-1', 't-2'],
    });
  });
});
