import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VendorRequestError, type HistoryMessage } from '@im-gateway/types';
import { TencentRestClient } from '../src/rest/tencent-rest.client.js';
import { NOW, provider, recordingContext, startApp, type TestApp } from './tencent-migration.setup.js';
import axios from 'axios';

const { writer } = provider.migration;
const ctx = recordingContext();
const NOW_S = NOW / 1000;
let app: TestApp;

beforeAll(async () => {
  app = await startApp(1400000301);
  app.emulator.seed(app.sdkAppId, {
    Accounts: ['a', 'b', 'c', 'leckie', 'peter', 'tommy', 'bob', 'user1', 'user2', 'lumotuwe1', 'lumotuwe2'],
    Groups: [
      {
        GroupId: 'g1',
        Type: 'Public',
        Name: 'g1',
        Owner_Account: 'a',
        CreateTime: NOW_S - 86_400,
        MemberList: [{ Member_Account: 'a', Role: 'Owner', JoinTime: NOW_S - 86_400 }],
      },
    ],
  });
});
afterAll(() => app.close());

const message = (id: string, seconds: number, extra: Partial<HistoryMessage> = {}): HistoryMessage => ({
  messageId: id,
  conversation: { type: 'group', id: 'g1' },
  from: 'a',
  to: 'g1',
  sentAt: seconds * 1000,
  contents: [{ type: 'text', text: id }],
  ...extra,
});

describe('one failing item does not fail the batch', () => {
  it('accounts: an id Tencent refuses fails alone', async () => {
    const results = await writer.importAccounts(
      app.config,
      [{ userId: 'new1' }, { userId: 'x'.repeat(33) }, { userId: 'a' }],
      { passwordFor: () => '' },
      ctx,
    );
    expect(results.map((r) => [r.key.slice(0, 4), r.status])).toEqual([
      ['new1', 'done'],
      ['xxxx', 'failed'],
      ['a', 'exists'],
    ]);
  });

  it('members: an unknown account and a join time before the group fail alone', async () => {
    const results = await writer.importMembers(
      app.config,
      'g1',
      [
        { groupId: 'g1', userId: 'b', role: 'admin', joinedAt: NOW - 3600_000 },
        { groupId: 'g1', userId: 'ghost', role: 'member' },
        { groupId: 'g1', userId: 'c', role: 'member', joinedAt: NOW - 2 * 86_400_000 },
        { groupId: 'g1', userId: 'a', role: 'owner' },
      ],
      ctx,
    );
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['b', 'done'],
      ['ghost', 'failed'],
      ['c', 'failed'],
      ['a', 'exists'],
    ]);
  });

  it('group history: content the import refuses is skipped, a message older than the newest fails alone', async () => {
    const results = await writer.importHistory(
      app.config,
      [
        message('m1', NOW_S - 600),
        message('m2', NOW_S - 500, {
          contents: [{ type: 'image', url: 'https://x.test/a.png', width: 1, height: 1 }],
        }),
        message('m3', NOW_S - 400, { recalled: true }),
        message('m4', NOW_S - 700),
        message('m5', NOW_S - 300, { ext: { imGatewayRelay: { bridgeId: 'b1' } } }),
      ],
      ctx,
    );
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['m1', 'done'],
      ['m2', 'skipped'],
      ['m3', 'skipped'],
      ['m4', 'failed'],
      ['m5', 'done'],
    ]);
    expect(results[3]).toMatchObject({ error: { vendorCode: '10004' } });
    const history = app.emulator.inspect(app.sdkAppId).groups['g1']?.history ?? [];
    expect(history.map((m) => m.CloudCustomData)).toEqual([
      undefined,
      '{"imGatewayRelay":{"bridgeId":"b1"}}',
    ]);
  });

  it('one-to-one history: a message to an account that was never imported fails alone', async () => {
    const direct = (id: string, to: string, seconds: number): HistoryMessage => ({
      ...message(id, seconds),
      conversation: { type: 'direct', id: to },
      to,
    });
    const results = await writer.importHistory(
      app.config,
      [direct('d1', 'b', NOW_S - 100), direct('d2', 'nobody', NOW_S - 90), direct('d3', 'b', NOW_S - 80)],
      ctx,
    );
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['d1', 'done'],
      ['d2', 'failed'],
      ['d3', 'done'],
    ]);
    expect(results[1]).toMatchObject({ error: { vendorCode: '90012' } });
  });

  it('throws only when nothing of the batch was imported', async () => {
    await expect(
      writer.importMembers(app.config, 'no-such-group', [{ groupId: 'x', userId: 'b', role: 'member' }], ctx),
    ).rejects.toBeInstanceOf(VendorRequestError);
  });
});

/** The doc's request examples, replayed against the emulator with the accounts and groups they name. */
describe('the emulator accepts the vendor-doc request examples', () => {
  const dir = new URL('../fixtures/migration/', import.meta.url);
  const requests = readdirSync(dir)
    .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(new URL(f, dir), 'utf8'))] as const)
    .filter(([, f]) => f.request !== undefined);
  const client = () => new TencentRestClient(axios.create(), app.config);

  beforeAll(() => {
    const groups = ['@TGS#2C5SZEAEF', '@TGS#1NVTZEAE4', '@TGS#15ERQPAER'].map((GroupId) => ({
      GroupId,
      Type: 'Public',
      Name: 'doc',
      CreateTime: 1400000000,
      MemberList: [{ Member_Account: 'peter', Role: 'Member' as const, JoinTime: 1400000001 }],
    }));
    app.emulator.seed(app.sdkAppId, { Accounts: ['id', 'id1', 'id2'], Groups: groups });
  });

  it.each(requests)('%s', async (name, fixture) => {
    const [service, command] = name.split('.');
    const answer = await client().post(
      `${service === 'group' ? 'group_open_http_svc' : service}/${command}`,
      fixture.request,
      5000,
    );
    expect(answer.ActionStatus).toBe('OK');
  });
});
