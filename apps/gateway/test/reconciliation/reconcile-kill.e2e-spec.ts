import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startTencentEmulator, type TencentEmulator } from '@im-gateway/emulator';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { TENCENT } from '../messages/send-support.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { callbackMessageId, sentEvents } from '../support/reconcile-traffic.js';

/**
 * A gateway process killed (SIGKILL: no shutdown hook, no lease given back) in the middle of a run, then
 * started again on the same database: the run is taken over once its lease runs out, goes on from the last
 * conversation it stored, and ends having recovered every lost message exactly once.
 */
const PAIRS = 30;
let db: TestDatabase;
let tencent: TencentEmulator;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  env = {
    DATA_DIR: db.settings.dataDir,
    ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
    API_RATE_LIMIT_MAX: '0',
  };
});
afterAll(async () => {
  await tencent?.close();
  await db?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(gw: GatewayProcess, appId: string, id: string): Promise<any> {
  const res = await gw.call('GET', `/v1/apps/${appId}/reconciliations/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

it('resumes a run after SIGKILL and recovers each lost message once', async () => {
  let gw = await new GatewayProcess(env).start();
  try {
    const created = await gw.call('POST', '/v1/apps', {
      body: { name: 'tc', provider: 'tencent', config: { ...TENCENT, baseUrl: 'http://127.0.0.1:1' } },
    });
    const appId = created.body.id as string;
    tencent = await startTencentEmulator({
      apps: [
        {
          sdkAppId: TENCENT.sdkAppId,
          secretKey: TENCENT.secretKey,
          callbackToken: TENCENT.callbackToken,
          callbackUrl: `${gw.url}/callbacks/tencent/${appId}`,
        },
      ],
      rateLimits: false,
    });
    expect(
      (await gw.call('PATCH', `/v1/apps/${appId}`, { body: { config: { baseUrl: tencent.url } } })).status,
    ).toBe(200);
    const start = Date.now() - 1_000;
    tencent.callbackFaults.set({ dropRate: 0.3, seed: 11 });
    for (let i = 0; i < PAIRS * 3; i++) {
      const pair = i % PAIRS;
      const res = await gw.call('POST', `/v1/apps/${appId}/messages`, {
        body: {
          from: `a${pair}`,
          to: { type: 'user', ids: [`b${pair}`] },
          content: { type: 'text', text: `m${i}` },
        },
      });
      expect(res.status).toBe(201);
    }
    tencent.callbackFaults.clear();
    const lost = tencent.callbackFaults.dropped().map((d) => callbackMessageId('tencent', d.body));
    expect(lost.length).toBeGreaterThan(10);
    await sleep(1_000);

    // Each conversation read takes a while, so the kill falls in the middle of the run.
    tencent.faults.set({ route: '/v4/openim/admin_getroammsg', latencyMs: 300 });
    const started = await gw.call('POST', `/v1/apps/${appId}/reconciliations`, {
      body: { from: new Date(start).toISOString(), to: new Date().toISOString() },
    });
    expect(started.status).toBe(201);
    expect(started.body.source).toBe('conversations');
    const runId = started.body.id as string;
    let before: any;
    for (const until = Date.now() + 60_000; ;) {
      before = await run(gw, appId, runId);
      if ((before.conversations?.read ?? 0) >= 5) break;
      if (Date.now() > until) throw new Error(`no progress: ${JSON.stringify(before)}`);
      await sleep(100);
    }
    expect(before.status).toBe('running');
    await gw.stop('SIGKILL');

    gw = await new GatewayProcess(env).start();
    let after: any;
    for (const until = Date.now() + 90_000; ;) {
      after = await run(gw, appId, runId);
      if (after.status === 'completed' || after.status === 'failed') break;
      if (Date.now() > until) throw new Error(`not resumed: ${JSON.stringify(after)}`);
      await sleep(250);
    }
    expect(after).toMatchObject({
      status: 'completed',
      progress: 1,
      conversations: { read: PAIRS, total: PAIRS },
      recovered: lost.length,
    });
    // What the killed process had read is not counted twice, whatever it had recovered.
    expect(after.seen).toBeGreaterThanOrEqual(PAIRS * 3);

    const ids = (await sentEvents(gw, appId)).map((e) => e.message.id as string);
    expect(ids).toHaveLength(PAIRS * 3);
    expect(new Set(ids).size).toBe(PAIRS * 3);
  } finally {
    await gw.stop();
  }
}, 180_000);
