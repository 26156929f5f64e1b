import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from '@im-gateway/persistence';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import { postgresTestDatabase } from '../support/postgres-database.js';
import { bridgedPair, eventually, relays, send, type BridgedPair } from './bridge-support.js';

/**
 * A relay whose attempt meets a stall of the gateway's own database (a statement that waits for a lock past
 * DATABASE_QUERY_TIMEOUT_MS) is retried, not failed for good, and its retry neither takes a direct message
 * for a group nor sends again what the stalled attempt sent. Always PostgreSQL: the bound is the server's
 * statement timeout, and another connection holds the lock.
 */
const BOUND_MS = 300;

let db: TestDatabase;
let pair: BridgedPair;
let other: DataSource;

beforeAll(async () => {
  db = await postgresTestDatabase();
  pair = await bridgedPair({ db, env: { DATABASE_QUERY_TIMEOUT_MS: String(BOUND_MS) } });
  other = await createDataSource(db.settings);
});
afterAll(async () => {
  await other?.destroy();
  await pair?.close();
  await db?.drop();
});

/** Holds `mode` on the message-id pairs from another connection until the returned release is called. */
async function lockPairs(mode: 'ACCESS EXCLUSIVE' | 'EXCLUSIVE'): Promise<() => Promise<void>> {
  const locker: QueryRunner = other.createQueryRunner();
  await locker.connect();
  await locker.startTransaction();
  await locker.query(`LOCK TABLE relayed_messages IN ${mode} MODE`);
  return async () => {
    if (locker.isTransactionActive) await locker.rollbackTransaction();
    await locker.release();
  };
}

/** The relay of one source message, once it has `attempts` attempts that met the stall and is still pending. */
async function stalledRelay(sourceMessageId: string, attempts: number) {
  return eventually(
    async () => {
      const relay = (await relays(pair.gw, pair.bridgeId)).find((r) => r.sourceMessageId === sourceMessageId);
      return relay && relay.status === 'pending' && relay.attempts >= attempts ? relay : undefined;
    },
    `${attempts} stalled attempts`,
    20_000,
  );
}

async function relayedOnce(sourceMessageId: string, text: string, to: string) {
  const relay = await eventually(
    async () => {
      const r = (await relays(pair.gw, pair.bridgeId)).find((x) => x.sourceMessageId === sourceMessageId);
      return r && r.status !== 'pending' && r.status !== 'relaying' ? r : undefined;
    },
    'the relay settled',
    20_000,
  );
  const copies = pair.tencent.emulator
    .messages({ to })
    .filter((m) => (m.body as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text === text);
  return { relay, copies };
}

async function pairsOf(sourceMessageId: string): Promise<number> {
  const rows = (await other.query(
    'SELECT COUNT(*) AS n FROM relayed_messages WHERE bridge_id = $1 AND source_message_id = $2',
    [pair.bridgeId, sourceMessageId],
  )) as { n: string }[];
  return Number(rows[0]!.n);
}

/**
 * Sends a direct message from `em_stall_a` to `to` while `mode` is held on the pairs, and returns it with its
 * relay once two attempts met the stall (then the lock goes).
 */
async function sendThroughStall(mode: 'ACCESS EXCLUSIVE' | 'EXCLUSIVE', to: string, text: string) {
  const release = await lockPairs(mode);
  try {
    const id = await send(pair.gw, pair.easemob.appId, {
      from: 'em_stall_a',
      to: { type: 'user', ids: [to] },
      content: { type: 'text', text },
    });
    const stalled = await stalledRelay(id, 2);
    expect(stalled.lastError).toMatch(/statement timeout|Query read timeout/);
    return { id, stalled };
  } finally {
    await release();
  }
}

describe('a relay that meets a database stall', () => {
  it('is retried once the database answers, and its retry still relays a direct message as one', async () => {
    // The attempt's first read waits on the lock.
    const { id, stalled } = await sendThroughStall('ACCESS EXCLUSIVE', 'em_stall_b', 'through a stall');
    expect(stalled.conversationKind).toBe('direct');
    const { relay, copies } = await relayedOnce(id, 'through a stall', 'tc_stall_b');
    expect(relay).toMatchObject({ status: 'relayed', conversationKind: 'direct' });
    expect(copies).toHaveLength(1);
    expect(copies[0]!.from).toBe('tc_stall_a');
    expect(await pairsOf(id)).toBe(1);
  }, 60_000);

  it('does not send again what a stalled attempt sent, and records the copy it could not record', async () => {
    // Reads go on; the pair's insert after the send waits on the lock.
    const { id, stalled } = await sendThroughStall('EXCLUSIVE', 'em_stall_c', 'sent before the stall');
    expect(stalled.targetMessageIds).toHaveLength(1);
    const { relay, copies } = await relayedOnce(id, 'sent before the stall', 'tc_stall_c');
    expect(relay.status).toBe('relayed');
    expect(copies).toHaveLength(1);
    expect(relay.targetMessageIds).toEqual([copies[0]!.id]);
    expect(await pairsOf(id)).toBe(1);
  }, 60_000);
});
