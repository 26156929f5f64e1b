import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';

let gw: RunningGateway;
let appA: string;
let appB: string;
let keyA: string;
let keyB: string;

const appBody = () => easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET });

beforeAll(async () => {
  gw = await startGateway();
  appA = (await gw.call('POST', '/v1/apps', { body: appBody() })).body.id;
  appB = (await gw.call('POST', '/v1/apps', { body: appBody() })).body.id;
  keyA = (await gw.call('POST', `/v1/apps/${appA}/api-keys`, { body: { name: 'a' } })).body.key;
  keyB = (await gw.call('POST', `/v1/apps/${appB}/api-keys`, { body: { name: 'b' } })).body.key;
});
afterAll(async () => {
  await gw.close();
});

const fire = async (appId: string, callId: string, text: string) =>
  expect(
    (
      await gw.call('POST', `/callbacks/easemob/${appId}`, {
        token: null,
        body: easemobTextCallback(callId, { text }),
      })
    ).status,
  ).toBe(200);

interface Sse {
  status: number;
  contentType: string | null;
  /** The SSE messages received so far, as `{ id, data }`. */
  messages: { id: string; data: { appId: string; dedupeKey: string; id: string } }[];
  /** Resolves once `n` messages arrived (or rejects after the timeout). */
  until(n: number, ms?: number): Promise<void>;
  close(): void;
}

/** A real SSE client over fetch (EventSource cannot send an Authorization header). */
async function open(appId: string, token: string, headers: Record<string, string> = {}): Promise<Sse> {
  const abort = new AbortController();
  const res = await fetch(`${gw.url}/v1/apps/${appId}/events/stream`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
    signal: abort.signal,
  });
  const sse: Sse = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    messages: [],
    until: async (n, ms = 8000) => {
      const end = Date.now() + ms;
      while (sse.messages.length < n) {
        if (Date.now() > end) throw new Error(`only ${sse.messages.length} of ${n} messages`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => abort.abort(),
  };
  if (res.status !== 200 || !res.body) return sse;
  void (async () => {
    let buffer = '';
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) sse.messages.push({ id, data: JSON.parse(data) });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return sse;
}

describe('GET /v1/apps/{appId}/events/stream', () => {
  it('streams an app its new events only, to its key and to the admin token', async () => {
    await fire(appA, 'before-a', 'old'); // stored before the stream opened: not part of a live tail
    const admin = await open(appA, ADMIN_TOKEN);
    const own = await open(appA, keyA);
    expect(own.status).toBe(200);
    expect(own.contentType).toMatch(/^text\/event-stream/);
    await new Promise((r) => setTimeout(r, 300));
    await fire(appB, 'live-b', 'for b');
    await fire(appA, 'live-a', 'for a');
    await own.until(1);
    await admin.until(1);
    await new Promise((r) => setTimeout(r, 1500)); // a poll later: still nothing of app B
    for (const sse of [own, admin]) {
      expect(sse.messages.map((m) => [m.data.appId, m.data.dedupeKey])).toEqual([[appA, 'live-a']]);
      expect(sse.messages[0]?.id).toBe(sse.messages[0]?.data.id);
      sse.close();
    }
  });

  it("refuses another app's key with 403 and streams nothing", async () => {
    const res = await fetch(`${gw.url}/v1/apps/${appA}/events/stream`, {
      headers: { authorization: `Bearer ${keyB}` },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('refuses a missing token with 401', async () => {
    const res = await fetch(`${gw.url}/v1/apps/${appA}/events/stream`);
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });

  it('resumes after Last-Event-ID', async () => {
    const all = (await gw.call('GET', `/v1/apps/${appA}/events`)).body.data as {
      id: string;
      dedupeKey: string;
    }[];
    const first = all.find((e) => e.dedupeKey === 'before-a');
    const sse = await open(appA, keyA, { 'last-event-id': first!.id });
    await sse.until(1);
    expect(sse.messages.map((m) => m.data.dedupeKey)).toEqual(['live-a']);
    sse.close();
  });

  it('answers a Last-Event-ID it never handed out with 400 invalid_cursor', async () => {
    const res = await fetch(`${gw.url}/v1/apps/${appA}/events/stream`, {
      headers: { authorization: `Bearer ${keyA}`, 'last-event-id': 'nope' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_cursor');
  });
});
