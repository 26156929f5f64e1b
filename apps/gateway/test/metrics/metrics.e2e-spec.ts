import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobApp } from '../messages/send-support.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

let gw: RunningGateway;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  // A second attempt 0.2 s after the first, a third only after 30 s: a delivery failing twice stays pending.
  gw = await startGateway({ env: { DELIVERY_RETRY_SCHEDULE: '0,0.2,30', DELIVERY_TIMEOUT_MS: '400' } });
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
  await gw.close();
});

async function endpointApp(answer: (i: number) => number): Promise<string> {
  const r = await new WebhookReceiver((_req, i) => ({ status: answer(i) })).start();
  receivers.push(r);
  const appId = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id as string;
  expect((await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: r.url } })).status).toBe(201);
  return appId;
}

const scrape = async (): Promise<string> => (await gw.call('GET', '/metrics', { token: null })).text;

/** The value of one series (`name{labels}`, labels as the exposition writes them), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function until(ok: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = await scrape();
    if (ok(text)) return text;
    if (Date.now() - started > timeoutMs) throw new Error(`metrics never matched:\n${text}`);
    await sleep(50);
  }
}

describe('/metrics', () => {
  it('shows the backlog and the delivery attempts by result after a failed and a retried delivery', async () => {
    const retried = await endpointApp((i) => (i === 0 ? 500 : 200));
    const failed = await endpointApp(() => 410); // Gone: failed at once
    const stuck = await endpointApp(() => 503); // two failures, then waits 30 s
    for (const appId of [retried, failed, stuck])
      expect(
        (
          await gw.call('POST', `/callbacks/easemob/${appId}`, {
            token: null,
            body: easemobTextCallback(`metrics-${appId}`),
          })
        ).status,
      ).toBe(200);

    const text = await until(
      (t) =>
        (sample(t, 'imgw_delivery_attempts_total{result="delivered"}') ?? 0) >= 1 &&
        (sample(t, 'imgw_delivery_attempts_total{result="failed"}') ?? 0) >= 1 &&
        (sample(t, 'imgw_delivery_attempts_total{result="retry"}') ?? 0) >= 3,
    );
    expect(sample(text, 'imgw_delivery_backlog')).toBe(1);
    expect(sample(text, 'imgw_delivery_backlog_oldest_age_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'imgw_relay_backlog')).toBe(0);
    expect(sample(text, 'imgw_relay_backlog_oldest_age_seconds')).toBe(0);
    expect(
      sample(text, 'imgw_delivery_attempt_duration_seconds_count{result="retry"}'),
    ).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(
      /^imgw_delivery_attempt_duration_seconds_bucket\{le="0\.005",result="delivered"\} \d+$/m,
    );
  });

  it('counts vendor REST calls by API and outcome, with their durations and the rate-limiter waits', async () => {
    const { emulator, appId } = await easemobApp(gw);
    try {
      const sent = await gw.call('POST', `/v1/apps/${appId}/messages`, {
        body: { from: 'u1', to: { type: 'user', ids: ['u2'] }, content: { type: 'text', text: 'hi' } },
      });
      expect(sent.status).toBe(201);
      const text = await scrape();
      const labels = 'provider="easemob",api="messages/users"';
      expect(sample(text, `imgw_vendor_calls_total{${labels},outcome="ok"}`)).toBe(1);
      expect(sample(text, `imgw_vendor_call_duration_seconds_count{${labels},outcome="ok"}`)).toBe(1);
      expect(sample(text, `imgw_vendor_rate_limit_wait_seconds_count{${labels},outcome="granted"}`)).toBe(1);
    } finally {
      await emulator.close();
    }
  });

  it('documents every gateway series and graphs it on the Grafana dashboard', async () => {
    const docs = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs');
    const dashboard = readFileSync(join(docs, 'grafana-dashboard.json'), 'utf8');
    const page = readFileSync(join(docs, 'observability.md'), 'utf8');
    const names = [...(await scrape()).matchAll(/^# TYPE (imgw_\w+) /gm)]
      .map((m) => m[1]!)
      .filter((n) => !/^imgw_(process|nodejs)_/.test(n));
    expect(names.length).toBeGreaterThanOrEqual(14);
    for (const name of names) {
      expect(`${name}: ${page.includes(`\`${name}\``)}`).toBe(`${name}: true`);
      expect(`${name}: ${dashboard.includes(name)}`).toBe(`${name}: true`);
    }
  });
});
