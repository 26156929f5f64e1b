import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/common/logger.js';
import { bridgedPair, eventually, GROUP, relays, send } from '../bridges/bridge-support.js';
import { easemobAppBody, startGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  [field: string]: unknown;
}

const INFO = 30;
const DEBUG = 20;

/** A logger at debug into memory: what an operator's log store would keep, parsed. */
function memoryLogger() {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Line);
      done();
    },
  });
  return { lines, logger: createLogger('debug', sink) };
}

const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closing.reverse()) await close();
});

describe('attempt log lines', () => {
  it("carry the callback's request id from its ingest line to each delivery attempt, failures at info", async () => {
    const { lines, logger } = memoryLogger();
    const gw = await startGateway({ env: { DELIVERY_RETRY_SCHEDULE: '0,0.2' }, logger });
    closing.push(() => gw.close());
    const receiver = await new WebhookReceiver((_req, i) => ({ status: i === 0 ? 503 : 200 })).start();
    closing.push(() => receiver.stop());
    const appId = (
      await gw.call('POST', '/v1/apps', {
        body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
      })
    ).body.id as string;
    const endpoint = await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: receiver.url } });
    expect(endpoint.status).toBe(201);

    const requestId = 'callback-request-7f3a';
    const res = await gw.call('POST', `/callbacks/easemob/${appId}`, {
      token: null,
      body: easemobTextCallback('log-1'),
      headers: { 'x-request-id': requestId },
    });
    expect(res.status).toBe(200);
    await receiver.waitFor(2);

    const attempts = await eventually(async () => {
      const found = lines.filter((l) => l.msg === 'delivery attempt');
      return found.length >= 2 ? found : undefined;
    }, 'two delivery attempt lines');
    const ingest = lines.find((l) => l.msg === 'callback stored');
    expect(ingest).toMatchObject({ reqId: requestId, appId, deliveries: 1, level: INFO });
    expect(attempts).toEqual([
      expect.objectContaining({
        reqId: requestId,
        level: INFO,
        endpointId: endpoint.body.id,
        url: receiver.url,
        attempt: 1,
        result: 'retry',
        status: 503,
        durationMs: expect.any(Number),
        nextAttemptAt: expect.any(String),
      }),
      expect.objectContaining({
        reqId: requestId,
        level: DEBUG,
        attempt: 2,
        result: 'delivered',
        status: 200,
        nextAttemptAt: null,
      }),
    ]);
    // Exactly one reqId per line, even on the request's own lines.
    for (const l of lines.filter((x) => x.reqId === requestId))
      expect(JSON.stringify(l).match(/"reqId"/g)).toHaveLength(1);
  });

  it("log each relay attempt with its outcome under the vendor callback's request id", async () => {
    const { lines, logger } = memoryLogger();
    const pair = await bridgedPair({ logger });
    closing.push(() => pair.close());
    const { gw, easemob, bridgeId } = pair;
    const mapped = await send(gw, easemob.appId, {
      from: 'em_a',
      to: { type: 'group', ids: [GROUP.easemob] },
      content: { type: 'text', text: 'relayed' },
    });
    const unmapped = await send(gw, easemob.appId, {
      from: 'em_a',
      to: { type: 'group', ids: ['999000111'] },
      content: { type: 'text', text: 'to an unmapped group' },
    });
    const bySource = async (id: string, status: string) =>
      (await relays(gw, bridgeId, status)).find((r) => r.sourceMessageId === id) as
        { id: string } | undefined;
    const relayed = await eventually(() => bySource(mapped, 'relayed'), 'the relayed relay');
    const waiting = await eventually(() => bySource(unmapped, 'unmapped'), 'the unmapped relay');

    const lineOf = (relayId: string) =>
      eventually(async () => lines.find((l) => l.msg === 'relay attempt' && l.relayId === relayId), relayId);
    const ingestIds = lines
      .filter((l) => l.msg === 'callback stored' && l.appId === easemob.appId && l.relays === 1)
      .map((l) => l.reqId);
    const ok = await lineOf(relayed.id);
    expect(ok).toMatchObject({ level: DEBUG, bridgeId, action: 'message', result: 'relayed', attempt: 1 });
    expect(ok.durationMs).toEqual(expect.any(Number));
    const failed = await lineOf(waiting.id);
    expect(failed).toMatchObject({ level: INFO, result: 'unmapped', nextAttemptAt: null });
    expect(failed.reason).toContain('999000111');
    for (const line of [ok, failed]) expect(ingestIds).toContain(line.reqId);
    expect(ok.reqId).not.toBe(failed.reqId); // each came from its own callback
  });
});
