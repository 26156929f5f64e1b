import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { EventEntity, Transactor } from '@im-gateway/persistence';
import { ConfigError, loadGatewayEnv } from '../../src/config/gateway.config.js';
import { RetentionScheduler } from '../../src/retention/retention.scheduler.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';

const DAY = 86_400_000;
let gw: RunningGateway;

beforeAll(async () => {
  // The timer is off: each test runs pruning itself.
  gw = await startGateway({ env: { RETENTION_INTERVAL_SECONDS: '0', RETENTION_EVENTS_DAYS: '30' } });
});
afterAll(async () => {
  await gw?.close();
});

async function createApp(body: Record<string, unknown> = {}) {
  return gw.call('POST', '/v1/apps', { body: { ...easemobAppBody(), ...body } });
}

/** An event row of `appId` received `days` ago, as ingest would have stored it. */
async function storedEvent(appId: string, days: number): Promise<string> {
  const at = Date.now() - days * DAY;
  const id = uuidv7({ msecs: at });
  await gw.app.get(Transactor).dataSource.manager.insert(EventEntity, {
    id,
    appId,
    callbackId: null,
    provider: 'easemob',
    type: 'message.sent',
    dedupeKey: id,
    conversationType: 'direct',
    conversationId: 'u2',
    actor: 'u1',
    occurredAt: new Date(at).toISOString(),
    receivedAt: new Date(at).toISOString(),
    body: { id, type: 'message.sent' } as never,
  });
  return id;
}

const eventIds = async (appId: string): Promise<string[]> =>
  (await gw.call('GET', `/v1/apps/${appId}/events?limit=200`)).body.data.map((e: { id: string }) => e.id);

describe('per-app retention settings', () => {
  it('are stored, returned, replaced and removed', async () => {
    const created = await createApp({ retention: { events: 3, attempts: 1 } });
    expect(created.status).toBe(201);
    expect(created.body.retention).toEqual({ events: 3, attempts: 1 });
    const replaced = await gw.call('PATCH', `/v1/apps/${created.body.id}`, {
      body: { retention: { events: 0 } },
    });
    expect(replaced.body.retention).toEqual({ events: 0 });
    const removed = await gw.call('PATCH', `/v1/apps/${created.body.id}`, { body: { retention: null } });
    expect(removed.body.retention).toEqual({});
    expect((await createApp()).body.retention).toEqual({});
  });

  it.each([
    [{ events: -1 }, 'retention.events'],
    [{ events: 1.5 }, 'retention.events'],
    [{ events: '7' }, 'retention.events'],
    [{ forever: 1 }, 'retention.forever'],
  ])('%j → 400 naming %s', async (retention, field) => {
    const res = await createApp({ retention });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error)).toContain(field);
  });
});

describe('pruning', () => {
  it("deletes each app's events past its period, the app's own or the default, and counts them", async () => {
    const short = (await createApp({ retention: { events: 1 } })).body.id as string;
    const forever = (await createApp({ retention: { events: 0 } })).body.id as string;
    const byDefault = (await createApp()).body.id as string;
    const shortOld = await storedEvent(short, 2);
    const shortNew = await storedEvent(short, 0);
    const foreverOld = await storedEvent(forever, 400);
    const defaultKept = await storedEvent(byDefault, 2);
    const defaultOld = await storedEvent(byDefault, 31);

    const counts = await gw.app.get(RetentionScheduler).runOnce();

    expect(counts.events).toBe(2);
    expect(await eventIds(short)).toEqual([shortNew]);
    expect(await eventIds(forever)).toEqual([foreverOld]);
    expect(await eventIds(byDefault)).toEqual([defaultKept]);
    expect(await eventIds(byDefault)).not.toContain(defaultOld);
    expect(shortOld).not.toBe(shortNew);
    const metrics = (await gw.call('GET', '/metrics', { token: null })).text;
    expect(metrics).toMatch(/imgw_retention_deleted_total\{kind="events"\} 2/);
  });
});

/** A counter's value from the metrics text. */
const counter = (text: string, name: string): number =>
  Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);

describe('the pace of pruning', () => {
  it('rests after every statement for the rest of its share: at 25 %, three times as long as it deleted', async () => {
    const app = (await createApp({ retention: { events: 1 } })).body.id as string;
    for (let i = 0; i < 30; i++) await storedEvent(app, 2);
    const before = (await gw.call('GET', '/metrics', { token: null })).text;
    const started = performance.now();
    const counts = await gw.app.get(RetentionScheduler).runOnce();
    const elapsedMs = performance.now() - started;
    const after = (await gw.call('GET', '/metrics', { token: null })).text;
    expect(counts.events).toBe(30);
    const busy =
      counter(after, 'imgw_retention_busy_seconds_total') -
      counter(before, 'imgw_retention_busy_seconds_total');
    const rest =
      counter(after, 'imgw_retention_rest_seconds_total') -
      counter(before, 'imgw_retention_rest_seconds_total');
    expect(busy).toBeGreaterThan(0);
    expect(rest / busy).toBeCloseTo(3, 6);
    // The rests were taken, not only counted.
    expect(elapsedMs).toBeGreaterThanOrEqual(rest * 1000 * 0.9);
  });

  it('takes no rest at 100 %', async () => {
    const full = await startGateway({
      env: { RETENTION_INTERVAL_SECONDS: '0', RETENTION_SHARE_PERCENT: '100' },
    });
    try {
      await full.app.get(RetentionScheduler).runOnce();
      const text = (await full.call('GET', '/metrics', { token: null })).text;
      expect(counter(text, 'imgw_retention_busy_seconds_total')).toBeGreaterThan(0);
      expect(counter(text, 'imgw_retention_rest_seconds_total')).toBe(0);
    } finally {
      await full.close();
    }
  });
});

describe('retention configuration', () => {
  it.each([
    'RETENTION_EVENTS_DAYS',
    'RETENTION_ATTEMPTS_DAYS',
    'RETENTION_BATCH_SIZE',
    'RETENTION_INTERVAL_SECONDS',
    'RETENTION_SHARE_PERCENT',
  ])('a bad %s stops start-up naming it', (name) => {
    expect(() => loadGatewayEnv({ [name]: '-3' })).toThrow(ConfigError);
    expect(() => loadGatewayEnv({ [name]: '-3' })).toThrow(new RegExp(name));
  });

  it.each(['0', '101', 'half'])('RETENTION_SHARE_PERCENT=%s stops start-up naming it', (value) => {
    expect(() => loadGatewayEnv({ RETENTION_SHARE_PERCENT: value })).toThrow(/RETENTION_SHARE_PERCENT/);
  });
});
