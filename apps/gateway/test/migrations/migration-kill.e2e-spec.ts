import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  generateEasemobSeed,
  prng,
  startEasemobEmulator,
  startTencentEmulator,
  type EasemobEmulator,
  type TencentAppSnapshot,
  type TencentEmulator,
} from '@im-gateway/emulator';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { MIGRATION_KINDS } from '@im-gateway/types';
import { GatewayProcess } from '../support/gateway-process.js';

/**
 * A gateway process killed (SIGKILL: no shutdown hook, no lease given back) at a random point of an Easemob →
 * Tencent job, then started again on the same database: the job is taken over once its lease runs out and
 * ends with the target exactly as an uninterrupted run leaves a fresh app; a second job changes nothing.
 *
 * The Tencent writer imports groups under their Easemob ids (`import_group` takes a `GroupId`), so a crash
 * between a group's creation and its record is answered `exists` (10021) on the next run: no custom-id
 * switch is needed in this direction.
 */

const HOUR = 3_600_000;
// Directory and history of every kind, small enough that a run with the vendors' rate limits stays short.
const SPEC = {
  accounts: 300,
  groups: 10,
  membersPerGroup: 8,
  adminsPerGroup: 1,
  mutesPerGroup: 1,
  chatrooms: 2,
  membersPerChatroom: 5,
  contactsPerUser: 2,
  blocksPerUser: 1,
  messages: 3_000,
  now: Date.now() - HOUR,
  windowHours: 1,
  seed: 7,
};
const HISTORY = {
  from: new Date(SPEC.now - SPEC.windowHours * HOUR - HOUR).toISOString(),
  to: new Date(SPEC.now + 1).toISOString(),
};
const KILL_SEED = Number(process.env.MIGRATION_KILL_SEED ?? Date.now() % 1_000_000);
const random = prng(KILL_SEED);

const EASEMOB = {
  orgName: 'killorg',
  appName: 'source',
  clientId: 'YXA6kill-client',
  clientSecret: 'YXA6kill-secret',
  callbackSecret: 'kill-callback-secret',
};
const TARGETS = { reference: 1400000101, directory: 1400000102, history: 1400000103 } as const;
const TENCENT_SECRET = 'kill-secret-key-0123456789abcdef0123456789';

let db: TestDatabase;
let easemob: EasemobEmulator;
let tencent: TencentEmulator;
let gateway: GatewayProcess;
let env: Record<string, string>;
let sourceAppId: string;
const bridges: Partial<Record<keyof typeof TARGETS, string>> = {};
let reference: { job: any; state: TencentAppSnapshot };

/** Fails with the gateway's error body, not only its status. */
function created(res: { status: number; body: any }): void {
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const processed = (job: any): number =>
  Object.values(job.progress as Record<string, any>).reduce(
    (sum, p) => sum + p.done + p.skipped + p.failed,
    0,
  );

async function getJob(bridgeId: string, jobId: string): Promise<any> {
  for (;;) {
    const res = await gateway.call('GET', `/v1/bridges/${bridgeId}/migrations/${jobId}`);
    // The admin API has its own rate limit, which close polling for a kill point can reach.
    if (res.status === 429) await sleep(100);
    else {
      expect(res.status).toBe(200);
      return res.body;
    }
  }
}

async function waitFor(
  bridgeId: string,
  jobId: string,
  done: (job: any) => boolean,
  timeoutMs: number,
  pollMs = 200,
): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(bridgeId, jobId);
    if (done(job)) return job;
    if (Date.now() > until)
      throw new Error(`job ${jobId} still ${job.status}: ${JSON.stringify(job.progress)}`);
    await sleep(pollMs);
  }
}

const finished = (job: any) => ['completed', 'failed', 'cancelled'].includes(job.status);

async function startJob(bridgeId: string): Promise<string> {
  const res = await gateway.call('POST', `/v1/bridges/${bridgeId}/migrations`, {
    body: { history: HISTORY },
  });
  created(res);
  return res.body.id as string;
}

/** Every item of a job, as `kind:sourceId → status/targetId`, to compare two runs item by item. */
async function outcomes(bridgeId: string, jobId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const q: string = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await gateway.call('GET', `/v1/bridges/${bridgeId}/migrations/${jobId}/items?${q}`);
    expect(res.status).toBe(200);
    for (const i of res.body.data) out.set(`${i.kind}:${i.sourceId}`, i.status);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

async function tencentApp(sdkAppId: number): Promise<string> {
  const res = await gateway.call('POST', '/v1/apps', {
    body: {
      name: `tc-${sdkAppId}`,
      provider: 'tencent',
      config: {
        sdkAppId,
        secretKey: TENCENT_SECRET,
        adminIdentifier: 'administrator',
        callbackToken: 'kill-callback-token',
        baseUrl: tencent.url,
      },
    },
  });
  created(res);
  return res.body.id as string;
}

beforeAll(async () => {
  console.log(`migration-kill: MIGRATION_KILL_SEED=${KILL_SEED}`);
  db = await createTestDatabase();
  easemob = await startEasemobEmulator({ apps: [EASEMOB], historyWindowDays: 3 });
  easemob.seed(`${EASEMOB.orgName}#${EASEMOB.appName}`, generateEasemobSeed(SPEC));
  tencent = await startTencentEmulator({
    apps: Object.values(TARGETS).map((sdkAppId) => ({ sdkAppId, secretKey: TENCENT_SECRET })),
  });
  env = {
    DATA_DIR: db.settings.dataDir,
    ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
  };
  gateway = await new GatewayProcess(env).start();
  const source = await gateway.call('POST', '/v1/apps', {
    body: { name: 'em', provider: 'easemob', config: { ...EASEMOB, baseUrl: easemob.url } },
  });
  created(source);
  sourceAppId = source.body.id as string;
  for (const [name, sdkAppId] of Object.entries(TARGETS)) {
    const targetAppId = await tencentApp(sdkAppId);
    const bridge = await gateway.call('POST', '/v1/bridges', {
      body: {
        sourceAppId,
        targetAppId,
        direction: 'one-way',
        conversationKinds: ['direct', 'group', 'chatroom'],
      },
    });
    created(bridge);
    bridges[name as keyof typeof TARGETS] = bridge.body.id as string;
  }
  const started = Date.now();
  const jobId = await startJob(bridges.reference!);
  const job = await waitFor(bridges.reference!, jobId, finished, 240_000, 500);
  console.log(
    `migration-kill: uninterrupted run in ${Date.now() - started} ms`,
    JSON.stringify(job.error ?? job.progress),
  );
  expect(job.status).toBe('completed');
  reference = { job, state: tencent.inspect(TARGETS.reference) };
}, 300_000);

afterAll(async () => {
  await gateway?.stop('SIGKILL');
  await easemob?.close();
  await tencent?.close();
  await db?.drop();
});

/** The number of items processed before and through each kind, in the order the runner works. */
function span(kinds: (k: string) => boolean): [number, number] {
  let before = 0;
  let inside = 0;
  for (const kind of MIGRATION_KINDS) {
    const p = reference.job.progress[kind];
    if (!p) continue;
    const n = p.done + p.skipped + p.failed;
    if (kinds(kind)) inside += n;
    else if (inside === 0) before += n;
  }
  return [before, before + inside];
}

async function killAndResume(name: 'directory' | 'history', [low, high]: [number, number]) {
  const bridgeId = bridges[name]!;
  const killAt = low + 1 + Math.floor(random() * (high - low - 1));
  console.log(`migration-kill: ${name} run killed after ${killAt} of ${high} items`);
  const jobId = await startJob(bridgeId);
  const cut = await waitFor(bridgeId, jobId, (j) => processed(j) >= killAt || finished(j), 240_000, 25);
  await gateway.stop('SIGKILL');
  expect({ status: cut.status, error: cut.error }).toEqual({ status: 'running', error: null });
  gateway = await new GatewayProcess(env).start();
  const job = await waitFor(bridgeId, jobId, finished, 240_000, 500);
  expect({ status: job.status, error: job.error }).toEqual({ status: 'completed', error: null });
  return { bridgeId, jobId, job };
}

/**
 * The target's state with what the vendor stamps at import time left out (friend `AddTime`, blocklist
 * `AddBlackTimeStamp`, and a chat room's `CreateTime` and `JoinTime`: Easemob exports neither for a room) and
 * the relay marker's own ids (bridge and relay) replaced: both differ between any two runs.
 */
function comparable(state: TencentAppSnapshot): { state: unknown; muteEnds: Map<string, number> } {
  const copy = structuredClone(state) as any;
  // Accounts, friends, blocks and members are sets: batches of different users import side by side, so the
  // order the vendor took them in varies between runs. History keeps its order.
  const by = (field: string) => (a: any, b: any) => String(a[field]).localeCompare(String(b[field]));
  copy.accounts.sort();
  for (const list of Object.values<any[]>(copy.friends)) list.sort(by('To_Account'));
  for (const list of Object.values<any[]>(copy.blocks)) list.sort(by('To_Account'));
  for (const g of Object.values<any>(copy.groups)) g.MemberList.sort(by('Member_Account'));
  const muteEnds = new Map<string, number>();
  for (const list of Object.values<any[]>(copy.friends)) for (const f of list) delete f.AddTime;
  for (const list of Object.values<any[]>(copy.blocks)) for (const b of list) delete b.AddBlackTimeStamp;
  const marker = (m: any) => {
    if (typeof m.CloudCustomData !== 'string') return;
    const data = JSON.parse(m.CloudCustomData);
    if (data.imGatewayRelay) data.imGatewayRelay = { ...data.imGatewayRelay, bridgeId: '…', relayId: '…' };
    m.CloudCustomData = data;
  };
  for (const [groupId, g] of Object.entries<any>(copy.groups)) {
    if (g.Type === 'ChatRoom') {
      delete g.CreateTime;
      for (const m of g.MemberList) delete m.JoinTime;
    }
    // Tencent mutes for a number of seconds from now: each run's end may fall one second apart.
    for (const m of g.MemberList)
      if (m.MuteUntil > 0 && m.MuteUntil < 4294967295) {
        muteEnds.set(`${groupId}/${m.Member_Account}`, m.MuteUntil);
        m.MuteUntil = 'a time';
      }
    g.history.forEach(marker);
  }
  for (const list of Object.values<any[]>(copy.c2c)) list.forEach(marker);
  return { state: copy, muteEnds };
}

describe.each([
  ['directory', (k: string) => k !== 'history' && k !== 'contacts' && k !== 'blocklists'],
  ['history', (k: string) => k === 'history'],
] as const)('a gateway killed during the %s import and started again', (name, kinds) => {
  it('ends with the target an uninterrupted run leaves, and a second job changes nothing', async () => {
    const { bridgeId, jobId, job } = await killAndResume(name, span(kinds));
    const state = tencent.inspect(TARGETS[name]);
    const [got, want] = [comparable(state), comparable(reference.state)];
    expect(got.state).toEqual(want.state);
    expect([...got.muteEnds.keys()].sort()).toEqual([...want.muteEnds.keys()].sort());
    for (const [member, end] of got.muteEnds)
      expect(Math.abs(end - want.muteEnds.get(member)!)).toBeLessThanOrEqual(1);
    for (const kind of Object.keys(reference.job.progress))
      expect({ kind, ...job.progress[kind], ratePerSecond: 0, etaSeconds: null }).toEqual({
        kind,
        ...reference.job.progress[kind],
        ratePerSecond: 0,
        etaSeconds: null,
      });

    const again = await startJob(bridgeId);
    const second = await waitFor(bridgeId, again, finished, 240_000, 500);
    expect({ status: second.status, error: second.error }).toEqual({ status: 'completed', error: null });
    expect(tencent.inspect(TARGETS[name])).toEqual(state);
    const items = await outcomes(bridgeId, again);
    expect([...items.values()].filter((s) => s === 'failed')).toEqual([]);
    expect((await outcomes(bridgeId, jobId)).size).toBe(items.size);
  }, 600_000);
});
