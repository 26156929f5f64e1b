import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '@im-gateway/emulator';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import { EASEMOB } from '../messages/send-support.js';
import { dropRedisPrefix, testQueuePrefix } from '../support/redis-prefix.js';
import { postgresTestDatabase } from '../support/postgres-database.js';
import { counter, startReplicas } from '../support/replicas.js';
import { describeWith } from '../support/required-services.js';
import { sentEvents } from '../support/reconcile-traffic.js';
import type { GatewayProcess } from '../support/gateway-process.js';

let db: TestDatabase;
let emulator: EasemobEmulator;
const prefix = testQueuePrefix('recon');
const describeWithServices = await describeWith(['postgres', 'redis']);

async function finished(gw: GatewayProcess, appId: string, id: string): Promise<any> {
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    const run = (await gw.call('GET', `/v1/apps/${appId}/reconciliations/${id}`)).body;
    if (run.status === 'completed' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`run ${id} did not finish`);
}

describeWithServices('reconciliation on two gateway replicas', () => {
  beforeAll(async () => {
    db = await postgresTestDatabase();
  });
  afterAll(async () => {
    await emulator?.close();
    await db.drop();
    await dropRedisPrefix(prefix);
  });

  it('recovers each message once when overlapping runs race on both replicas', async () => {
    const [a, b] = await startReplicas(db, prefix);
    try {
      const created = await a.call('POST', '/v1/apps', {
        body: { name: 'em', provider: 'easemob', config: { ...EASEMOB, baseUrl: 'http://127.0.0.1:1' } },
      });
      const appId = created.body.id as string;
      emulator = await startEasemobEmulator({
        apps: [{ ...EASEMOB, callbackUrl: `${a.url}/callbacks/easemob/${appId}` }],
        rateLimits: false,
      });
      await a.call('PATCH', `/v1/apps/${appId}`, { body: { config: { baseUrl: emulator.url } } });
      const start = Date.now() - 1_000;
      emulator.callbackFaults.set({ dropRate: 0.5, seed: 3 });
      const appRef = `${EASEMOB.orgName}#${EASEMOB.appName}`;
      for (let i = 0; i < 200; i++)
        await emulator.sendAsClient(appRef, {
          from: `u${i % 7}`,
          to: `u${(i + 1) % 7}`,
          chat_type: 'chat',
          body: { type: 'txt', msg: `m${i}` },
        });
      emulator.callbackFaults.clear();
      const lost = emulator.callbackFaults.dropped().length;
      expect(lost).toBeGreaterThan(60);
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      // Two runs whose windows overlap, one started on each replica at once: each claims its own run.
      const now = Date.now();
      const [ra, rb] = await Promise.all([
        a.call('POST', `/v1/apps/${appId}/reconciliations`, {
          body: { from: new Date(start).toISOString(), to: new Date(now).toISOString() },
        }),
        b.call('POST', `/v1/apps/${appId}/reconciliations`, {
          body: { from: new Date(start - 60_000).toISOString(), to: new Date(now).toISOString() },
        }),
      ]);
      const [runA, runB] = await Promise.all([
        finished(a, appId, ra.body.id),
        finished(b, appId, rb.body.id),
      ]);
      expect([runA.status, runB.status]).toEqual(['completed', 'completed']);
      expect(runA.seen).toBe(200);
      expect(runB.seen).toBe(200);
      expect(runA.recovered + runB.recovered).toBe(lost);

      const ids = (await sentEvents(a, appId)).map((e) => e.message.id as string);
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
      const runs =
        (await counter(a, 'imgw_reconciliation_runs_total{provider="easemob",status="completed"}')) +
        (await counter(b, 'imgw_reconciliation_runs_total{provider="easemob",status="completed"}'));
      expect(runs).toBe(2);
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 120_000);
});
