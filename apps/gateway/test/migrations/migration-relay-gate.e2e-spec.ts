import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../support/gateway.js';
import {
  migrationFixture,
  startMigrationGateway,
  waitForJob,
  type MigrationFixture,
} from '../support/migration-gateway.js';
import { T0, text } from '../support/migration-seed.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startMigrationGateway();
});
afterAll(async () => {
  await gw?.close();
});

/** A live message on the source, as its vendor's callback reports it. */
async function live(f: MigrationFixture, messageId: string, from: string, to: string) {
  const res = await gw.call('POST', `/callbacks/memsrc/${f.sourceAppId}`, {
    body: { messageId, from, to, type: 'direct', text: `${messageId} live`, sentAt: Date.now() },
    token: null,
  });
  expect(res.status).toBe(200);
}

async function relays(f: MigrationFixture): Promise<any[]> {
  const res = await gw.call('GET', `/v1/bridges/${f.bridgeId}/relays`);
  expect(res.status).toBe(200);
  return res.body.data;
}

async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(v)}`);
    await sleep(100);
  }
}

describe('the relay gate', () => {
  it('holds a live relay into a conversation until its history is imported, then relays it after the history', async () => {
    const f = await migrationFixture(gw);
    f.source.history = [
      text('d1', 'alice', 'bob', 1_000),
      text('d2', 'bob', 'alice', 2_000),
      text('d3', 'alice', 'bob', 3_000),
    ];
    f.target.delayMs = 700; // a slow vendor: the history takes a few seconds to go in
    const job = await gw.call('POST', `/v1/bridges/${f.bridgeId}/migrations`, {
      body: { scope: ['history'], history: { from: new Date(T0).toISOString() } },
    });
    expect(job.status).toBe(201);
    await live(f, 'live-1', 'bob', 'alice');

    const held = await until(
      () => relays(f),
      (rows) => rows.some((r) => r.reason === "waiting for a migration job's history of this conversation"),
    );
    expect(held[0]).toMatchObject({ status: 'pending' });
    expect(f.target.sent).toEqual([]);

    const done = await waitForJob(f, job.body.id);
    expect(done.progress.history).toMatchObject({ done: 3, failed: 0 });
    await until(
      async () => f.target.sent.length,
      (n) => n === 1,
    );
    // The history first, oldest first; the live message after it. Had the relay gone first, the vendor would
    // have refused the older history (the double refuses, as both vendors do).
    expect(f.target.timeline('alice|bob').map((m) => m.id)).toEqual(['d1', 'd2', 'd3', 'live-1']);
    // The vendor has the message before the relay's outcome is written: wait for the outcome, then check it.
    const [relay] = await until(
      () => relays(f),
      (rows) => rows.length === 1 && rows[0].status !== 'relaying',
    );
    expect(relay).toMatchObject({ status: 'relayed' });
    // Waiting was no attempt: the relay shows one, the one that sent it.
    const detail = await gw.call('GET', `/v1/bridges/${f.bridgeId}/relays/${relay.id}`);
    expect(detail.body.attempts).toBe(1);
    expect(detail.body.attemptLog).toHaveLength(1);
  }, 60_000);

  it('does not relay a message a job already imported: the pair exists', async () => {
    const f = await migrationFixture(gw);
    f.source.history = [text('d1', 'alice', 'bob', 1_000)];
    const job = await gw.call('POST', `/v1/bridges/${f.bridgeId}/migrations`, {
      body: { scope: ['history'], history: { from: new Date(T0).toISOString() } },
    });
    await waitForJob(f, job.body.id);
    // The vendor reports d1 (late, or again): the relay finds the job's pair and sends nothing.
    await live(f, 'd1', 'alice', 'bob');
    const [relay] = await until(
      () => relays(f),
      (rows) => rows.some((r) => r.status === 'skipped'),
    );
    expect(relay.reason).toBe('imported by a migration job');
    expect(f.target.sent).toEqual([]);
  }, 30_000);
});
