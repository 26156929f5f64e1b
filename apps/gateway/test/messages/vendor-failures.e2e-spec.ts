import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator, TencentEmulator } from '@im-gateway/emulator';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobApp, tencentApp } from './send-support.js';

const POLICY = { SEND_DEADLINE_MS: '3000', VENDOR_TIMEOUT_MS: '600', VENDOR_RETRY_BASE_MS: '50' };

let gw: RunningGateway;
let easemob: EasemobEmulator;
let tencent: TencentEmulator;
let easemobId: string;
let tencentId: string;
const statuses: string[] = [];

beforeAll(async () => {
  gw = await startGateway({ env: POLICY });
  ({ emulator: easemob, appId: easemobId } = await easemobApp(gw, { log: (line) => statuses.push(line) }));
  ({ emulator: tencent, appId: tencentId } = await tencentApp(gw));
});
afterAll(async () => {
  await easemob.close();
  await tencent.close();
  await gw.close();
});
beforeEach(() => {
  easemob.reset();
  tencent.reset();
  statuses.length = 0;
});

const TEXT = { type: 'text', text: 'x' };
const toUser = { from: 'a', to: { type: 'user', ids: ['b'] }, content: TEXT };
const send = (appId: string, body: unknown = toUser) =>
  gw.call('POST', `/v1/apps/${appId}/messages`, { body });

describe('vendor failures: retried within the deadline, then a clear error', () => {
  it('retries Easemob 500s and succeeds once the vendor recovers', async () => {
    easemob.faults.set({ route: '/messages/users', status: 500, times: 2 });
    const res = await send(easemobId);
    expect(res.status).toBe(201);
    expect(easemob.messages()).toHaveLength(1);
  });

  it('answers 502 when Easemob keeps failing, and records the message as failed, not sent', async () => {
    easemob.faults.set({ route: '/messages/users', status: 503 });
    const res = await send(easemobId);
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('vendor_unavailable');
    expect(easemob.messages()).toHaveLength(0);
    const stored = await gw.call('GET', `/v1/apps/${easemobId}/messages/${res.body.error.details.messageId}`);
    expect(stored.body.status).toBe('failed');
    expect(stored.body.recipients).toEqual([
      { recipient: 'b', status: 'failed', error: expect.objectContaining({ code: 'vendor_unavailable' }) },
    ]);
  });

  it('answers 504 when Easemob never answers, within the send deadline', async () => {
    easemob.faults.set({ route: '/messages/users', timeout: true });
    const started = Date.now();
    const res = await send(easemobId);
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('vendor_timeout');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('waits out a short burst of vendor 429s', async () => {
    easemob.faults.set({ route: '/messages/users', burst429: 2 });
    const res = await send(easemobId);
    expect(res.status).toBe(201);
  });

  it('answers 429 with Retry-After when the vendor keeps refusing', async () => {
    easemob.faults.set({ route: '/messages/users', burst429: 1000 });
    const res = await send(easemobId);
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('vendor_rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    easemob.faults.clear();
  });

  it('answers 207 when one batch is refused and the other sent', async () => {
    easemob.faults.set({ route: '/messages/users', status: 400, times: 1 });
    const ids = Array.from({ length: 601 }, (_, i) => `u${i}`);
    const res = await send(easemobId, { from: 'a', to: { type: 'user', ids }, content: TEXT });
    expect(res.status).toBe(207);
    expect(res.body.status).toBe('partial');
    const failed = res.body.recipients.filter((r: { status: string }) => r.status === 'failed');
    expect(failed).toHaveLength(600);
    expect(failed[0].error.code).toBe('vendor_rejected');
    expect(easemob.messages()).toHaveLength(1);
  });

  it('retries Tencent HTTP 500s and timeouts', async () => {
    tencent.faults.set({ route: '/v4/openim/sendmsg', status: 500, times: 1 });
    tencent.faults.set({ route: '/v4/openim/sendmsg', timeout: true, times: 1 });
    const res = await send(tencentId);
    expect(res.status).toBe(201);
    expect(tencent.messages()).toHaveLength(1);
  });

  it('answers 504 when Tencent never answers, and 502 when it keeps answering 90992', async () => {
    tencent.faults.set({ route: '/v4/openim/sendmsg', timeout: true });
    const timedOut = await send(tencentId);
    expect(timedOut.status).toBe(504);
    expect(timedOut.body.error.code).toBe('vendor_timeout');
    tencent.faults.clear();
    tencent.faults.set({
      route: '/v4/openim/sendmsg',
      status: 200,
      body: { ActionStatus: 'FAIL', ErrorCode: 90992, ErrorInfo: 'internal error' },
    });
    const failing = await send(tencentId);
    expect(failing.status).toBe(502);
    expect(failing.body.error).toMatchObject({
      code: 'vendor_unavailable',
      details: { vendorCode: '90992' },
    });
    tencent.faults.clear();
    expect(tencent.messages()).toHaveLength(0);
  });
});

describe('vendor limits: the limiter paces bursts', () => {
  it('sends 25 concurrent chat-room messages without a single vendor 429', async () => {
    const body = { from: 'a', to: { type: 'chatroom', ids: ['185145305923585'] }, content: TEXT };
    const results = await Promise.all(Array.from({ length: 25 }, () => send(easemobId, body)));
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    expect(easemob.messages()).toHaveLength(25);
    expect(statuses.filter((l) => /messages\/chatrooms → 429/.test(l))).toEqual([]);
  });
});
