import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReconciliationScheduler } from '../../src/reconciliation/reconciliation.scheduler.js';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

async function createApp(body: Record<string, unknown> = easemobAppBody()): Promise<string> {
  const created = await gw.call('POST', '/v1/apps', { body });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const runs = (appId: string) => `/v1/apps/${appId}/reconciliations`;

describe('reconciliation settings of an app', () => {
  it('are off by default, stored, replaced and removed', async () => {
    const appId = await createApp({ ...easemobAppBody(), reconcile: { enabled: true, everyMinutes: 30 } });
    expect((await gw.call('GET', `/v1/apps/${appId}`)).body.reconcile).toEqual({
      enabled: true,
      everyMinutes: 30,
    });
    const changed = await gw.call('PATCH', `/v1/apps/${appId}`, {
      body: { reconcile: { enabled: false, delayMinutes: 0 } },
    });
    expect(changed.body.reconcile).toEqual({ enabled: false, delayMinutes: 0 });
    expect(
      (await gw.call('PATCH', `/v1/apps/${appId}`, { body: { reconcile: null } })).body.reconcile,
    ).toEqual({
      enabled: false,
    });
  });

  it.each([
    [{ enabled: 'yes' }, 'reconcile.enabled'],
    [{ enabled: true, everyMinutes: 1 }, 'reconcile.everyMinutes'],
    [{ enabled: true, delayMinutes: -5 }, 'reconcile.delayMinutes'],
  ])('refuses %j with 400 naming the field', async (reconcile, field) => {
    const res = await gw.call('POST', '/v1/apps', { body: { ...easemobAppBody(), reconcile } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error.details)).toContain(field);
  });
});

describe('POST /v1/apps/{appId}/reconciliations: bad input', () => {
  let appId: string;
  beforeAll(async () => {
    appId = await createApp();
  });

  it.each([
    [
      'a window in the future',
      () => ({ from: iso(Date.now() - HOUR), to: iso(Date.now() + HOUR) }),
      'to',
      /future/,
    ],
    [
      'from after to',
      () => ({ from: iso(Date.now() - HOUR), to: iso(Date.now() - 2 * HOUR) }),
      'from',
      /before/,
    ],
    [
      "a start beyond Easemob's 3 days",
      () => ({ from: iso(Date.now() - 4 * DAY), to: iso(Date.now() - DAY) }),
      'from',
      /3 days/,
    ],
  ])('answers 400 window_invalid for %s', async (_name, body, field, message) => {
    const res = await gw.call('POST', runs(appId), { body: body() });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'window_invalid',
      details: [expect.objectContaining({ field })],
    });
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 400 for a source the vendor does not offer, and for times that are not ISO-8601', async () => {
    const now = Date.now();
    const source = await gw.call('POST', runs(appId), {
      body: { from: iso(now - HOUR), to: iso(now), source: 'conversations' },
    });
    expect(source.status).toBe(400);
    expect(source.body.error.code).toBe('window_invalid');
    const bad = await gw.call('POST', runs(appId), { body: { from: 'yesterday', to: iso(now) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('answers 404 for an unknown app and an unknown run', async () => {
    const now = Date.now();
    const unknown = '0190a0a0-0000-7000-8000-000000000000';
    expect(
      (await gw.call('POST', runs(unknown), { body: { from: iso(now - HOUR), to: iso(now) } })).status,
    ).toBe(404);
    const run = await gw.call('GET', `${runs(appId)}/${unknown}`);
    expect(run.status).toBe(404);
    expect(run.body.error.code).toBe('not_found');
  });

  it("refuses another app's key, and lets an app key reconcile its own app", async () => {
    const other = await createApp(tencentAppBody());
    const key = await gw.call('POST', `/v1/apps/${other}/api-keys`, { body: { name: 'k' } });
    const now = Date.now();
    const body = { from: iso(now - HOUR), to: iso(now) };
    const foreign = await gw.call('POST', runs(appId), { body, token: key.body.key });
    expect(foreign.status).toBe(403);
    expect((await gw.call('GET', runs(appId), { token: key.body.key })).status).toBe(403);
    const own = await gw.call('POST', runs(other), { body, token: key.body.key });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      appId: other,
      status: 'pending',
      trigger: 'manual',
      source: 'conversations',
    });
    const listed = await gw.call('GET', runs(other), { token: key.body.key });
    expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(own.body.id);
  });
});

describe('scheduled runs', () => {
  it('creates each due window once, however many processes schedule at once, and nothing for apps without the setting', async () => {
    const scheduled = await createApp({
      ...tencentAppBody(),
      reconcile: { enabled: true, everyMinutes: 60, delayMinutes: 0 },
    });
    const quiet = await createApp(tencentAppBody());
    const scheduler = gw.app.get(ReconciliationScheduler);
    const now = Date.now();
    // Two replicas' ticks at the same moment: the window is the same, and its schedule key is unique.
    await Promise.all([scheduler.tick(now), scheduler.tick(now)]);
    const first = (await gw.call('GET', runs(scheduled))).body.data;
    expect(first).toHaveLength(1);
    // No delay: the window is younger than Tencent's export delay, so it is read by conversation.
    expect(first[0]).toMatchObject({ trigger: 'scheduled', source: 'conversations' });
    const window = first[0].window;
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(HOUR);
    expect(Date.parse(window.to)).toBeLessThanOrEqual(now);
    // An hour later the next window follows on from the last.
    await scheduler.tick(now + HOUR);
    const next = (await gw.call('GET', runs(scheduled))).body.data.map((r: any) => r.window);
    expect(next).toHaveLength(2);
    expect(next.map((w: any) => w.from)).toContain(window.to);
    expect((await gw.call('GET', runs(quiet))).body.data).toEqual([]);
  });
});
