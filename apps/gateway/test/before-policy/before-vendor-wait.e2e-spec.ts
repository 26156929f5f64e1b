import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '@im-gateway/emulator';
import { STORE_MARGIN_MS } from '../../src/callbacks/before-decision.js';
import { DecisionReceiver } from '../support/decision-receiver.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';

// An Easemob app whose console waits longer than the default 200 ms for its pre-send answers: told so
// (`vendorWaitMs`), the gateway gives its decision endpoint that longer wait; not told, it keeps to the
// default and falls back in time. The emulator waits as the console is set (`presendWaitMs`) and records
// the exchange on its own clock.

/** What the app set in the Easemob console. */
const CONSOLE_WAIT_MS = 1_000;
/** The decision endpoint's pace: past the default wait, well within the console's. */
const ENDPOINT_DELAY_MS = 400;
/** How late a timer may fire on a busy 2-core machine. */
const EVENT_LOOP_LAG_MS = 30;

let gw: RunningGateway;
let easemob: EasemobEmulator;
let endpoint: DecisionReceiver;
let appId = '';

beforeAll(async () => {
  endpoint = await new DecisionReceiver().start();
  gw = await startGateway();
  appId = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'patient', callbackSecret: 'shared-secret' }),
    })
  ).body.id;
  const url = `${gw.url}/callbacks/easemob/${appId}`;
  easemob = await startEasemobEmulator({
    port: 0,
    rateLimits: false,
    apps: [
      {
        orgName: 'org',
        appName: 'patient',
        clientId: 'id',
        clientSecret: 'secret',
        callbackUrl: url,
        callbackSecret: 'shared-secret',
        presendUrl: url,
        presendWaitMs: CONSOLE_WAIT_MS,
      },
    ],
  });
  // One message first: the first store of a fresh gateway and database pays for connections and
  // statement caches, which is no decision's cost.
  await send();
  await easemob.callbacksSettled();
  easemob.reset();
});
afterEach(async () => {
  await easemob.callbacksSettled();
  easemob.reset();
  endpoint.received.length = 0;
});
afterAll(async () => {
  await easemob.close();
  await gw.close();
  await endpoint.stop();
});

const send = () =>
  easemob.sendAsClient('org#patient', {
    from: 'u1',
    to: 'u2',
    chat_type: 'chat',
    body: { type: 'txt', msg: 'hello' },
  });

async function putPolicy(policy: Record<string, unknown>): Promise<void> {
  const res = await gw.call('PUT', `/v1/apps/${appId}/before-policy`, { body: policy });
  expect(res.status).toBe(200);
}

async function lastDecision(): Promise<Record<string, unknown>> {
  const res = await gw.call('GET', `/v1/apps/${appId}/events?type=message.send.requested&limit=200`);
  return (res.body.data as { data: { decision: Record<string, unknown> } }[]).at(-1)!.data.decision;
}

describe('the decision endpoint of an Easemob app whose console waits 1000 ms', () => {
  it('with vendorWaitMs 1000: an answer after 400 ms decides (a deny, with onError allow)', async () => {
    await putPolicy({
      rules: [],
      vendorWaitMs: CONSOLE_WAIT_MS,
      decisionEndpoint: { url: endpoint.url, timeoutMs: CONSOLE_WAIT_MS - STORE_MARGIN_MS },
      onError: 'allow',
    });
    endpoint.setBehaviour(() => ({
      body: JSON.stringify({ action: 'deny', reason: 'held back' }),
      delayMs: ENDPOINT_DELAY_MS,
    }));
    expect(await send()).toMatchObject({ delivered: false, error: 'held back' });
    expect(easemob.messages()).toEqual([]);
    expect(endpoint.received).toHaveLength(1);
    const [exchange] = easemob.beforeCallbacks();
    expect(exchange?.outcome).toBe('deny');
    // The vendor had the gateway's answer after the endpoint's, and before its own wait ran out.
    expect(exchange!.durationMs).toBeGreaterThanOrEqual(ENDPOINT_DELAY_MS);
    expect(exchange!.durationMs).toBeLessThan(CONSOLE_WAIT_MS);
    expect(await lastDecision()).toMatchObject({ action: 'deny', source: 'endpoint', reason: 'held back' });
  });

  it('without vendorWaitMs: the same endpoint is given at most 150 ms and onError decides', async () => {
    const budget = 200 - STORE_MARGIN_MS;
    // Without vendorWaitMs the longer budget is refused: the gateway knows only the default wait.
    const refused = await gw.call('PUT', `/v1/apps/${appId}/before-policy`, {
      body: { rules: [], decisionEndpoint: { url: endpoint.url, timeoutMs: 950 }, onError: 'allow' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('policy_invalid');
    await putPolicy({
      rules: [],
      decisionEndpoint: { url: endpoint.url, timeoutMs: budget },
      onError: 'allow',
    });
    endpoint.setBehaviour(() => ({
      body: JSON.stringify({ action: 'deny', reason: 'held back' }),
      delayMs: ENDPOINT_DELAY_MS,
    }));
    expect(await send()).toMatchObject({ delivered: true });
    expect(easemob.messages()).toHaveLength(1);
    const [exchange] = easemob.beforeCallbacks();
    // The gateway answered (allow, its onError), not the vendor's own failure policy.
    expect(exchange?.outcome).toBe('allow');
    expect(exchange!.durationMs).toBeLessThanOrEqual(budget + STORE_MARGIN_MS);
    const decision = await lastDecision();
    expect(decision).toMatchObject({ action: 'allow', source: 'fallback', error: 'timeout' });
    expect(decision['tookMs']).toBeLessThanOrEqual(budget + EVENT_LOOP_LAG_MS);
  });
});
