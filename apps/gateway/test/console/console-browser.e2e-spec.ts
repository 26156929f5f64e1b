import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bridgedPair, eventually, send, type BridgedPair } from '../bridges/bridge-support.js';
import { EASEMOB } from '../messages/send-support.js';
import { ADMIN_TOKEN } from '../support/gateway.js';
import { describeWith, SERVICES } from '../support/required-services.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

// The console in Debian's Chromium against a real gateway, the vendor emulators and a real webhook
// receiver. Screenshots of each page land in test-artifacts/console/ (gitignored) for review.
const ARTIFACTS = new URL('../../../../test-artifacts/console/', import.meta.url).pathname;
const describe = await describeWith(['chromium', 'redis']);

let pair: BridgedPair;
let receiver: WebhookReceiver;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(SERVICES.chromium.path)) return; // skipped (or failed in CI) by describeWith
  mkdirSync(ARTIFACTS, { recursive: true });
  pair = await bridgedPair();
  receiver = await new WebhookReceiver().start();
  // launch() starts Chromium on a fresh temporary profile of its own (and deletes it on close).
  browser = await chromium.launch({
    executablePath: SERVICES.chromium.path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await receiver?.stop();
  await pair?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
/** Clicks Refresh until the count satisfies `ok`: the page polls nothing by itself. */
async function refreshUntil(
  page: Page,
  count: () => Promise<number>,
  ok: (n: number) => boolean,
  timeoutMs: number,
) {
  await eventually(
    async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(200);
      return ok(await count()) ? true : undefined;
    },
    'the table to change',
    timeoutMs,
  );
}
const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
const go = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
};

/** A chat message fired by the Easemob emulator at the gateway, signed as the vendor signs it. */
async function fireThroughEmulator(callbackUrl: string, text: string): Promise<void> {
  const res = await fetch(`${pair.easemob.emulator.url}/_emulator/callbacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      appKey: `${EASEMOB.orgName}#${EASEMOB.appName}`,
      url: callbackUrl,
      body: {
        eventType: 'chat',
        chat_type: 'chat',
        from: 'alice',
        to: 'bob',
        msg_id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
        payload: { bodies: [{ type: 'txt', msg: text }], ext: {} },
      },
    }),
  });
  expect(res.status).toBe(200);
}

describe('console in Chromium', () => {
  it('walks sign-in, apps, live events, endpoints, deliveries, bridges and providers', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${pair.gw.url}/console/`);
    await shot(page, '01-sign-in');
    await page.getByLabel('Admin token or app API key').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Apps' }).waitFor();

    // Create an app with the vendor config the emulator knows; the provider validates it.
    await page.getByLabel('Name', { exact: true }).fill('console-shop');
    await page
      .getByLabel('Vendor config (JSON)')
      .fill(JSON.stringify({ ...EASEMOB, baseUrl: pair.easemob.emulator.url }));
    await page.getByRole('button', { name: 'Create app' }).click();
    const row = page.getByRole('row').filter({ hasText: 'console-shop' });
    const callbackUrl = (await row.getByTestId('callback-url').textContent())!;
    expect(callbackUrl).toMatch(/\/callbacks\/easemob\//);
    const appId = callbackUrl.split('/').pop()!;
    await expect(page.getByLabel('Current app').inputValue()).resolves.toBe(appId);
    await shot(page, '02-apps');

    // The live tail shows a message fired through the emulator; raw beside unified.
    await go(page, 'Events');
    await page.getByLabel('Live tail').check();
    await page.waitForTimeout(500);
    await fireThroughEmulator(
      callbackUrl.replace('https://gateway.example.test', pair.gw.url),
      'hello from the emulator',
    );
    const events = page.getByTestId('events');
    await events
      .getByRole('button', { name: /message\.sent/ })
      .first()
      .click({ timeout: 15_000 });
    const detail = page.getByTestId('event-detail');
    await expect(
      detail.getByRole('region', { name: 'Raw vendor callback' }).locator('pre').textContent(),
    ).resolves.toContain('hello from the emulator');
    await expect(
      detail.getByRole('region', { name: 'Unified event' }).locator('pre').textContent(),
    ).resolves.toContain('"type": "message.sent"');
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0); // usable at 1280 px
    await shot(page, '03-events');

    // An endpoint on a local receiver, subscribed through the catalog picker.
    await go(page, 'Endpoints');
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'message.sent', exact: true }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByTestId('endpoints').getByText(receiver.url).waitFor();
    const endpoint = page.getByTestId('endpoints').getByRole('listitem').filter({ hasText: receiver.url });
    await endpoint.getByRole('button', { name: `Disable ${receiver.url}` }).click();
    await endpoint.getByText('disabled', { exact: true }).waitFor();
    await endpoint.getByRole('button', { name: `Enable ${receiver.url}` }).click();
    await endpoint.getByText('enabled', { exact: true }).waitFor();
    await endpoint.getByRole('button', { name: `Rotate the secret of ${receiver.url}` }).click();
    await page
      .getByRole('status')
      .getByText(/^whsec_/)
      .waitFor();
    // A test event to the HTTP endpoint: the receiver gets it, marked as a test.
    const before = receiver.received.length;
    await page.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
    await page
      .getByRole('status')
      .getByText(/^Test event sent: delivery /)
      .waitFor();
    const hooks = await receiver.waitFor(before + 1, 15_000);
    expect(hooks.slice(before).some((h) => JSON.parse(h.body).data?.data?.test === true)).toBe(true);

    await shot(page, '04-endpoints');

    await fireThroughEmulator(
      callbackUrl.replace('https://gateway.example.test', pair.gw.url),
      'to the endpoint',
    );
    await receiver.waitFor(1, 15_000);
    await go(page, 'Deliveries');
    const deliveries = page.getByTestId('deliveries');
    await refreshUntil(
      page,
      () => deliveries.locator('[data-status="delivered"]').count(),
      (n) => n > 0,
      15_000,
    );

    // Break the receiver: the next delivery fails attempt after attempt; repair it and retry from the page.
    receiver.setBehaviour(() => ({ status: 500, body: 'receiver down' }));
    await fireThroughEmulator(
      callbackUrl.replace('https://gateway.example.test', pair.gw.url),
      'while broken',
    );
    await refreshUntil(
      page,
      () => deliveries.locator('[data-status="failed"]').count(),
      (n) => n === 1,
      30_000,
    );
    await deliveries
      .getByRole('row')
      .filter({ has: page.locator('[data-status="failed"]') })
      .getByRole('button')
      .click();
    const attempts = page.getByTestId('delivery-detail');
    await expect(attempts.getByText('500').first().textContent()).resolves.toContain('500');
    await shot(page, '05-deliveries-failed');
    receiver.setBehaviour(() => ({ status: 200 }));
    await attempts.getByRole('button', { name: 'Retry now' }).click();
    await refreshUntil(
      page,
      () => deliveries.locator('[data-status="failed"]').count(),
      (n) => n === 0,
      15_000,
    );
    await shot(page, '06-deliveries-repaired');

    // A message on the bridged Easemob app is relayed to Tencent; the bridge page lists the relay.
    await send(pair.gw, pair.easemob.appId, {
      from: 'em_alice',
      to: { type: 'user', ids: ['em_bob'] },
      content: { type: 'text', text: 'across the bridge' },
    });
    await go(page, 'Bridges');
    const relays = page.getByTestId('relays');
    await refreshUntil(
      page,
      () => relays.locator('[data-status="relayed"]').count(),
      (n) => n > 0,
      20_000,
    );
    await page.getByLabel('Kind').selectOption('group');
    await page.getByLabel('CSV rows (source,target)').fill('184524748161099,@TGS#2J4SZEAXX');
    await page.getByRole('button', { name: 'Upload mapping' }).click();
    await page.getByRole('status').getByText('Accepted 1, rejected 0.').waitFor();
    // A dry run of the directory is planned from the page, and its job is listed with its progress.
    await page.getByLabel('What to move (comma-separated)').fill('groups,members');
    await page.getByRole('button', { name: 'Start migration' }).click();
    const jobs = page.getByTestId('migrations');
    await jobs.locator('[data-status="completed"]').first().waitFor({ timeout: 20_000 });
    expect(await jobs.getByText('(dry run)').count()).toBeGreaterThan(0);
    expect(await jobs.getByText(/groups \d+\/\d+/).count()).toBeGreaterThan(0);
    await shot(page, '07-bridges');

    await go(page, 'Providers');
    await page.getByRole('table', { name: 'Capability matrix' }).waitFor();
    await shot(page, '08-providers');

    // A broker destination from the same form: its type's own fields, the endpoint listed by its URL.
    await go(page, 'Endpoints');
    await page.getByLabel('Destination type').selectOption('redis-stream');
    await page.getByLabel('Broker URL').fill('redis://127.0.0.1:6379');
    await page.getByLabel('Stream key').fill(`imgw:console:${Date.now()}`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByTestId('endpoints').getByText('redis://127.0.0.1:6379').waitFor();
    await shot(page, '09-broker-endpoint');

    // Phone width: every page still lays out without scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ['Apps', 'Events', 'Endpoints', 'Deliveries', 'Bridges', 'Providers']) {
      await go(page, name);
      await page.waitForTimeout(300);
      await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
      await shot(page, `09-phone-${name.toLowerCase()}`);
    }
    await page.close();
  }, 180_000);

  it("signed in with one app's key, shows and fetches nothing of another app", async () => {
    const admin = pair.gw;
    const mine = (
      await admin.call('POST', '/v1/apps', {
        body: { name: 'mine', provider: 'easemob', config: { ...EASEMOB } },
      })
    ).body;
    const key = (await admin.call('POST', `/v1/apps/${mine.id}/api-keys`, { body: { name: 'console' } })).body
      .key as string;
    const others = [pair.easemob.appId, pair.tencent.appId];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/v1/') && !r.url().includes('/stream'))
        bodies.push(await r.text().catch(() => ''));
    });
    await page.goto(`${admin.url}/console/`);
    // By keyboard alone: Tab reaches the labelled token field, Enter submits.
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>('document.activeElement.name')).resolves.toBe('token');
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Apps' }).waitFor();
    // The heading shows before the app list has come back; wait for the list, then check it holds only this app.
    await page.getByLabel('Current app').locator('option').first().waitFor({ state: 'attached' });
    expect(await page.getByLabel('Current app').locator('option').allTextContents()).toEqual([
      'mine (easemob)',
    ]);
    await expect(
      page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Bridges' }).count(),
    ).resolves.toBe(0);
    await go(page, 'Events');
    await page.getByLabel('Live tail').check();
    await page.waitForTimeout(300);
    // Traffic on the other apps while the tail is open.
    await send(admin, pair.easemob.appId, {
      from: 'em_alice',
      to: { type: 'user', ids: ['em_carol'] },
      content: { type: 'text', text: 'not yours' },
    });
    await page.waitForTimeout(2500);
    for (const p of ['Endpoints', 'Deliveries', 'Providers', 'Apps']) await go(page, p);
    await shot(page, '10-app-key');
    expect(await page.getByTestId('events').count()).toBe(0); // left the events page: nothing lingered
    for (const other of others) {
      expect(seen.filter((u) => u.includes(other))).toEqual([]);
      expect(bodies.filter((b) => b.includes(other))).toEqual([]);
    }
    await page.close();
  }, 120_000);
});
