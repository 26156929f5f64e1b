import { expect } from '@jest/globals';
import type { RunningGateway } from './gateway.js';
import type { WebhookReceiver } from './webhook-receiver.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The vendor's message id a post-send callback body names (the id the unified event carries). */
export function callbackMessageId(vendor: 'easemob' | 'tencent', body: any): string {
  if (vendor === 'easemob') return String(body.msg_id);
  return body.GroupId !== undefined ? `${body.GroupId}:${body.MsgSeq}` : String(body.MsgKey);
}

/**
 * Sends `count` messages through the gateway from the app, `lanes` at a time: direct messages between
 * `users` and group messages to `groups`, in turn; answers the vendor message ids.
 */
export async function sendTraffic(
  gw: RunningGateway,
  appId: string,
  count: number,
  targets: { users: string[]; groups: string[] },
  lanes = 8,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const one = async (i: number) => {
    const group = targets.groups.length > 0 && i % 4 === 3;
    const from = targets.users[i % targets.users.length]!;
    const to = group
      ? { type: 'group', ids: [targets.groups[i % targets.groups.length]!] }
      : { type: 'user', ids: [targets.users[(i + 1) % targets.users.length]!] };
    const res = await gw.call('POST', `/v1/apps/${appId}/messages`, {
      body: { from, to, content: { type: 'text', text: `message ${i}` } },
    });
    expect(res.status).toBe(201);
    ids.push(String(res.body.recipients[0].vendorMessageId));
  };
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < count; i = next++) await one(i);
    }),
  );
  return ids;
}

/** All `message.sent` events of an app, through the events API. */
export async function sentEvents(gw: Pick<RunningGateway, 'call'>, appId: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await gw.call('GET', `/v1/apps/${appId}/events?type=message.sent&limit=200${query}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** Waits until `count()` stops growing for `quietMs` (deliveries, relays and callbacks have settled). */
export async function settle(
  count: () => number | Promise<number>,
  quietMs = 1_500,
  timeoutMs = 120_000,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const now = await count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
    if (Date.now() > until) throw new Error(`still changing after ${timeoutMs} ms (at ${now})`);
    await sleep(200);
  }
}

/** Polls until `done()` holds, or fails after `timeoutMs`. */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs = 120_000,
  explain?: () => Promise<string>,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until)
      throw new Error(`not done after ${timeoutMs} ms${explain ? `: ${await explain()}` : ''}`);
    await sleep(500);
  }
}

/** Polls a run until it has ended. */
export async function finishedRun(
  gw: RunningGateway,
  appId: string,
  runId: string,
  timeoutMs = 180_000,
): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await gw.call('GET', `/v1/apps/${appId}/reconciliations/${runId}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    if (Date.now() > until) throw new Error(`run ${runId} not finished: ${JSON.stringify(res.body)}`);
    await sleep(250);
  }
}

/** A webhook's unified event, from either form (CloudEvents keeps the type outside `data`). */
export function webhookEvent(body: string): { type: string; message?: { id: string }; data?: any } {
  const parsed = JSON.parse(body);
  return parsed.specversion ? { ...parsed.data, type: parsed.type } : parsed;
}

/** The message ids of the `message.sent` webhooks a receiver got, with how often each came. */
export function receivedMessageIds(receiver: WebhookReceiver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hook of receiver.received) {
    const event = webhookEvent(hook.body);
    if (event.type !== 'message.sent' || !event.message) continue;
    counts.set(event.message.id, (counts.get(event.message.id) ?? 0) + 1);
  }
  return counts;
}

/** How often each source message id has a relayed copy in a target emulator's history (by the relay marker). */
export function bridgedCopies(snapshot: any, vendor: 'easemob' | 'tencent'): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (ext: unknown) => {
    const marker = (ext as Record<string, any> | undefined)?.['imGatewayRelay'];
    if (!marker?.originMessageId) return;
    counts.set(marker.originMessageId, (counts.get(marker.originMessageId) ?? 0) + 1);
  };
  const parsed = (text: unknown) => {
    try {
      return typeof text === 'string' ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  };
  if (vendor === 'easemob') {
    for (const list of Object.values(snapshot.history as Record<string, any[]>))
      for (const r of list) count(r.payload?.ext);
  } else {
    for (const list of Object.values(snapshot.c2c as Record<string, any[]>))
      for (const m of list) count(parsed(m.CloudCustomData));
    for (const g of Object.values(snapshot.groups as Record<string, any>))
      for (const m of g.history as any[]) count(parsed(m.CloudCustomData));
  }
  return counts;
}
