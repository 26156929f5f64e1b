import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_SEED_SPEC,
  generateEasemobSeed,
  type EasemobHistoryRecord,
  type TencentHistoryRecord,
} from '@im-gateway/emulator';
import { EASEMOB, TENCENT } from '../messages/send-support.js';
import { eventually, send, settledRelays } from '../bridges/bridge-support.js';
import {
  finishedJob,
  historyWindow,
  idTable,
  jobItems,
  vendorPair,
  type VendorPair,
} from '../support/vendor-migration.js';
import { easemobBodyPrint, tencentElementPrint } from '../support/vendor-migration.compare.js';

// Live messages sent on the source into conversations whose history a job is importing: the relay holds
// them until the history is in, so each conversation on the target holds its history, then the live
// messages, each once, in order.
let pair: VendorPair;
beforeAll(async () => {
  pair = await vendorPair();
});
afterAll(async () => {
  await pair?.close();
});

const LIVE = 5;

describe('live relaying during a history import', () => {
  it('puts every message of the conversation on the target once, in order: history, then live', async () => {
    const spec = {
      ...DEFAULT_SEED_SPEC,
      accounts: 12,
      groups: 1,
      membersPerGroup: 6,
      chatrooms: 1,
      membersPerChatroom: 3,
      contactsPerUser: 2,
      blocksPerUser: 0,
      messages: 240,
      now: Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000,
      windowHours: 2,
    };
    const app = `${EASEMOB.orgName}#${EASEMOB.appName}`;
    pair.easemob.emulator.seed(app, generateEasemobSeed(spec));
    const source = pair.easemob.emulator.inspect(app);
    // The busiest direct conversation, and the group.
    const [direct] = Object.entries(source.history)
      .filter(([key]) => key.startsWith('chat:'))
      .sort(([, a], [, b]) => b.length - a.length)[0]!;
    const [a = '', b = ''] = direct.slice('chat:'.length).split('|');
    const group = source.chatgroups[0]!;
    // Tencent's imports answer slowly, so the live messages arrive while the history is still going in.
    for (const route of ['/v4/openim/importmsg', '/v4/group_open_http_svc/import_group_msg'])
      pair.tencent.emulator.faults.set({ route, latencyMs: 150 });

    const created = await pair.gw.call('POST', `/v1/bridges/${pair.bridgeId}/migrations`, {
      body: { history: historyWindow(spec) },
    });
    expect(created.status).toBe(201);
    const jobId = created.body.id as string;
    await eventually(
      async () => {
        const job = (await pair.gw.call('GET', `/v1/bridges/${pair.bridgeId}/migrations/${jobId}`)).body;
        return job.progress.history.phase === 'importing' && job.progress.history.pending > 20
          ? job
          : undefined;
      },
      'the history import under way',
      120_000,
    );
    for (let i = 0; i < LIVE; i++) {
      await send(pair.gw, pair.easemob.appId, {
        from: a,
        to: { type: 'user', ids: [b] },
        content: { type: 'text', text: `live direct ${i}` },
      });
      await send(pair.gw, pair.easemob.appId, {
        from: group.owner,
        to: { type: 'group', ids: [group.groupid] },
        content: { type: 'text', text: `live group ${i}` },
      });
    }
    const mid = (await pair.gw.call('GET', `/v1/bridges/${pair.bridgeId}/migrations/${jobId}`)).body;
    expect(mid.status).toBe('running');
    expect(mid.progress.history.pending).toBeGreaterThan(0);

    const job = await finishedJob(pair.gw, pair.bridgeId, jobId, 300_000);
    expect(job.status).toBe('completed');
    await settledRelays(pair.gw, pair.bridgeId, 2 * LIVE, 60_000);
    pair.tencent.emulator.faults.clear();

    const reported = new Set(
      [
        ...(await jobItems(pair.gw, pair.bridgeId, jobId, 'status=skipped')),
        ...(await jobItems(pair.gw, pair.bridgeId, jobId, 'status=failed')),
      ].map((i) => i.sourceId as string),
    );
    const target = pair.tencent.emulator.inspect(TENCENT.sdkAppId);
    const groupId = (await idTable(pair.gw, pair.bridgeId, 'group')).get(group.groupid)!;
    const said = (r: TencentHistoryRecord) =>
      `${r.From_Account}: ${(r.MsgBody as any[]).map(tencentElementPrint).join(' ')}`;
    const expected = (records: EasemobHistoryRecord[], live: string) => [
      ...records
        .filter((r) => !reported.has(r.msg_id))
        .map((r) => `${r.from}: ${r.payload.bodies.map(easemobBodyPrint).join(' ')}`),
      ...Array.from(
        { length: LIVE },
        (_, i) => `${live === 'direct' ? a : group.owner}: text:live ${live} ${i}`,
      ),
    ];
    const directHistory = source.history[direct]!;
    expect(directHistory.length).toBeGreaterThan(0);
    expect((target.c2c[`${a}|${b}`] ?? []).map(said)).toEqual(expected(directHistory, 'direct'));
    const groupHistory = source.history[`groupchat:${group.groupid}`]!;
    expect(groupHistory.filter((r) => !reported.has(r.msg_id)).length).toBeGreaterThan(0);
    expect((target.groups[groupId]?.history ?? []).map(said)).toEqual(expected(groupHistory, 'group'));
  }, 600_000);
});
