import { beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, easemobAppBody, tencentAppBody, type RunningGateway } from '../support/gateway.js';
import { sleep } from '../messages/send-support.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import {
  bridgedPair,
  events,
  eventually,
  GROUP,
  relays,
  send,
  settledRelays,
  type BridgedPair,
  cleanupAfterAll,
} from './bridge-support.js';

const cleanup = cleanupAfterAll();

describe('bridges API', () => {
  let gw: RunningGateway;
  let em: string;
  let tc: string;
  beforeAll(async () => {
    gw = await startGateway();
    cleanup(() => gw.close());
    em = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    tc = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
  });

  it('creates a bridge with defaults, reads, lists, pauses and deletes it', async () => {
    const created = await gw.call('POST', '/v1/bridges', { body: { sourceAppId: em, targetAppId: tc } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sourceProvider: 'easemob',
      targetProvider: 'tencent',
      direction: 'both',
      conversationKinds: ['direct', 'group', 'chatroom'],
      userMapping: { type: 'same' },
      status: 'active',
    });
    const id = created.body.id;
    expect((await gw.call('GET', `/v1/bridges/${id}`)).body.id).toBe(id);
    expect((await gw.call('GET', '/v1/bridges')).body.data.map((b: { id: string }) => b.id)).toContain(id);
    const paused = await gw.call('PATCH', `/v1/bridges/${id}`, { body: { status: 'paused' } });
    expect(paused.body.status).toBe('paused');
    // The same two apps cannot be bridged twice, in either order: every message would be relayed twice.
    const again = await gw.call('POST', '/v1/bridges', { body: { sourceAppId: tc, targetAppId: em } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    // An app on a bridge cannot be deleted from under it.
    const appGone = await gw.call('DELETE', `/v1/apps/${tc}`);
    expect(appGone.status).toBe(409);
    expect(appGone.body.error.message).toContain(id);
    expect((await gw.call('DELETE', `/v1/bridges/${id}`)).status).toBe(204);
    expect((await gw.call('GET', `/v1/bridges/${id}`)).status).toBe(404);
  });

  it.each([
    ['the same app twice', () => ({ sourceAppId: em, targetAppId: em }), 'targetAppId'],
    [
      'an unknown app',
      () => ({ sourceAppId: em, targetAppId: '01900000-0000-7000-8000-000000000000' }),
      'targetAppId',
    ],
    [
      'an unknown direction',
      () => ({ sourceAppId: em, targetAppId: tc, direction: 'sideways' }),
      'direction',
    ],
    [
      'an unknown kind',
      () => ({ sourceAppId: em, targetAppId: tc, conversationKinds: ['thread'] }),
      'conversationKinds',
    ],
    [
      'affix without sides',
      () => ({ sourceAppId: em, targetAppId: tc, userMapping: { type: 'affix' } }),
      'userMapping',
    ],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const res = await gw.call('POST', '/v1/bridges', { body: body() });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error.details)).toContain(field);
  });

  it('is for the admin only: an app key gets 403, no token 401', async () => {
    const key = await gw.call('POST', `/v1/apps/${em}/api-keys`, { body: { name: 'k' } });
    expect(key.status).toBe(201);
    const asApp = await gw.call('GET', '/v1/bridges', { token: key.body.key });
    expect(asApp.status).toBe(403);
    const create = await gw.call('POST', '/v1/bridges', {
      token: key.body.key,
      body: { sourceAppId: em, targetAppId: tc },
    });
    expect(create.status).toBe(403);
    expect((await gw.call('GET', '/v1/bridges', { token: null })).status).toBe(401);
  });

  it("validates uploaded rows against each side's vendor id rules and reports the rejected ones", async () => {
    const id = (await gw.call('POST', '/v1/bridges', { body: { sourceAppId: em, targetAppId: tc } })).body.id;
    cleanup(async () => void (await gw.call('DELETE', `/v1/bridges/${id}`)));
    const users = await gw.call('PUT', `/v1/bridges/${id}/mappings/user`, {
      body: {
        mappings: [
          { source: 'alice', target: 'alice_t' },
          { source: 'Bob', target: 'bob' }, // Easemob user ids are lower case
          { source: 'carol', target: 'c'.repeat(33) }, // Tencent UserID ≤ 32 bytes
          { source: 'alice', target: 'alice2' }, // repeats row 1's source
          { source: 'dave', target: 'alice_t' }, // repeats row 1's target
          { source: 'erin' },
          ['frank', 'frank_t'],
        ],
      },
    });
    expect(users.status).toBe(200);
    expect(users.body).toMatchObject({ kind: 'user', mode: 'replace', received: 7, accepted: 2, total: 2 });
    expect(users.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(users.body.rejected[0].reasons[0]).toMatch(/source "Bob" must match .*lower case.*Easemob/);
    expect(users.body.rejected[1].reasons[0]).toMatch(/target "c+" is 33 bytes, longer than 32 \(Tencent/);
    expect(users.body.rejected[2].reasons[0]).toMatch(/repeats row 1/);

    // CSV with a header, quotes and CRLF; groups: Easemob ids are numeric, Tencent ids ≤ 48 bytes.
    const csv =
      'source,target\r\n"184524748161025",@TGS#2J4SZEAEL\r\nnot-numeric,@TGS#x\r\n262246968131585,' +
      'g'.repeat(49) +
      '\r\n';
    const groups = await gw.call('PUT', `/v1/bridges/${id}/mappings/group`, {
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(groups.status).toBe(200);
    expect(groups.body).toMatchObject({ received: 3, accepted: 1, total: 1 });
    expect(groups.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3]);

    // Merge: a row replaces its source's row; a target already mapped from another source is refused.
    const merged = await gw.call('POST', `/v1/bridges/${id}/mappings/user`, {
      body: [
        { source: 'alice', target: 'alice_new' },
        { source: 'gina', target: 'frank_t' },
        { source: 'hank', target: 'hank_t' },
      ],
    });
    expect(merged.body).toMatchObject({ mode: 'merge', accepted: 2, total: 3 });
    expect(merged.body.rejected[0]).toMatchObject({
      row: 2,
      reasons: ['target "frank_t" is already mapped from "frank"'],
    });
    const table = await gw.call('GET', `/v1/bridges/${id}/mappings/user`);
    expect(
      table.body.data.map((r: { source: string; target: string }) => `${r.source}>${r.target}`).sort(),
    ).toEqual(['alice>alice_new', 'frank>frank_t', 'hank>hank_t']);

    const badKind = await gw.call('PUT', `/v1/bridges/${id}/mappings/thread`, { body: [] });
    expect(badKind.status).toBe(400);
    const notATable = await gw.call('PUT', `/v1/bridges/${id}/mappings/user`, { body: { rows: [] } });
    expect(notATable.status).toBe(400);
    expect(notATable.body.error.code).toBe('validation_failed');
    const brokenCsv = await gw.call('PUT', `/v1/bridges/${id}/mappings/user`, {
      rawBody: 'a,"b\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(brokenCsv.status).toBe(400);
    // Nothing of the table was lost by the refused uploads.
    expect((await gw.call('GET', `/v1/bridges/${id}/mappings/user`)).body.data).toHaveLength(3);
  });
});

describe('relays in operation', () => {
  let pair: BridgedPair;
  beforeAll(async () => {
    pair = await bridgedPair();
    cleanup(() => pair.close());
  });

  it('an unmapped group is recorded as unmapped, listed, and relayed after the mapping is uploaded and retried', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const id = await send(gw, easemob.appId, {
      from: 'em_a',
      to: { type: 'group', ids: ['999000111'] },
      content: { type: 'text', text: 'to an unmapped group' },
    });
    const unmapped = await eventually(
      async () => (await relays(gw, bridgeId, 'unmapped')).find((r) => r.sourceMessageId === id),
      'the unmapped relay',
    );
    expect(unmapped.reason).toBe('no mapping for group or chatroom 999000111');
    expect(tencent.emulator.messages({ to: '@TGS#late' })).toEqual([]);
    const stats = await gw.call('GET', `/v1/bridges/${bridgeId}/stats`);
    expect(stats.body.totals.unmapped).toBe(1);
    expect(stats.body.byConversation).toContainEqual(
      expect.objectContaining({ conversationId: '999000111', unmapped: 1 }),
    );

    const upload = await gw.call('POST', `/v1/bridges/${bridgeId}/mappings/group`, {
      rawBody: 'source,target\n999000111,@TGS#late\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.body.accepted).toBe(1);
    const retry = await gw.call('POST', `/v1/bridges/${bridgeId}/relays/retry`, { body: {} });
    expect(retry.status).toBe(200);
    expect(retry.body.requeued).toEqual([unmapped.id]);
    await eventually(
      async () => (tencent.emulator.messages({ to: '@TGS#late' }).length === 1 ? true : undefined),
      'the late relay',
    );
    // The copy reaches the vendor a moment before the attempt is recorded.
    const after = await eventually(async () => {
      const res = await gw.call('GET', `/v1/bridges/${bridgeId}/relays/${unmapped.id}`);
      return res.body.status === 'relaying' ? undefined : res;
    }, 'the attempt recorded');
    expect(after.body).toMatchObject({ status: 'relayed', attempts: 2 });
    expect(after.body.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual(['unmapped', 'relayed']);
  });

  it('stats count relays by kind and conversation, with lag and the last error', async () => {
    const { gw, easemob, bridgeId } = pair;
    await send(gw, easemob.appId, {
      from: 'em_s',
      to: { type: 'user', ids: ['em_t'] },
      content: { type: 'text', text: 's1' },
    });
    await send(gw, easemob.appId, {
      from: 'em_s',
      to: { type: 'group', ids: [GROUP.easemob] },
      content: { type: 'text', text: 's2' },
    });
    const all = await settledRelays(gw, bridgeId, 3);
    const stats = (await gw.call('GET', `/v1/bridges/${bridgeId}/stats`)).body;
    expect(stats.totals).toMatchObject({ relayed: all.length, total: all.length, failed: 0, unmapped: 0 });
    expect(stats.byKind).toContainEqual(
      expect.objectContaining({ action: 'message', kind: 'direct', relayed: 1 }),
    );
    expect(stats.byKind).toContainEqual(
      expect.objectContaining({ action: 'message', kind: 'group', relayed: 2 }),
    );
    expect(stats.byConversation).toContainEqual(
      expect.objectContaining({ kind: 'direct', conversationId: 'em_s|em_t', relayed: 1 }),
    );
    expect(stats.lagMs.samples).toBe(all.length);
    expect(stats.lagMs.p50).toBeGreaterThanOrEqual(0);
    expect(stats.lagMs.p99).toBeGreaterThanOrEqual(stats.lagMs.p50);
    // The one error so far (the group that was unmapped) was resolved when its relay went through.
    expect(stats.lastError).toBeNull();
  });

  it('a paused bridge records relays and sends them when resumed', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    expect((await gw.call('PATCH', `/v1/bridges/${bridgeId}`, { body: { status: 'paused' } })).status).toBe(
      200,
    );
    const id = await send(gw, easemob.appId, {
      from: 'em_p',
      to: { type: 'user', ids: ['em_q'] },
      content: { type: 'text', text: 'while paused' },
    });
    await eventually(
      async () => (await relays(gw, bridgeId, 'pending')).find((r) => r.sourceMessageId === id),
      'the waiting relay',
    );
    await sleep(1_500); // a sweep passes: still nothing sent
    expect(tencent.emulator.messages({ to: 'tc_q' })).toEqual([]);
    expect((await gw.call('PATCH', `/v1/bridges/${bridgeId}`, { body: { status: 'active' } })).status).toBe(
      200,
    );
    await eventually(
      async () => (tencent.emulator.messages({ to: 'tc_q' }).length === 1 ? true : undefined),
      'the relay after resume',
    );
  });

  it('dual-send reaches both sides with mapped ids, and neither copy is relayed again', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const before = (await relays(gw, bridgeId)).length;
    const res = await gw.call('POST', `/v1/bridges/${bridgeId}/messages`, {
      body: {
        from: 'em_system',
        to: { type: 'group', ids: [GROUP.easemob] },
        content: { type: 'text', text: 'maintenance at 2am' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.mapping).toMatchObject({
      from: { source: 'em_system', target: 'tc_system' },
      to: [{ source: GROUP.easemob, target: GROUP.tencent }],
    });
    expect(res.body.source).toMatchObject({ provider: 'easemob', status: 'sent' });
    expect(res.body.target).toMatchObject({ provider: 'tencent', status: 'sent' });
    const [pairIds] = res.body.mapping.messageIds;
    expect(pairIds).toEqual({
      source: res.body.source.recipients[0].vendorMessageId,
      target: res.body.target.recipients[0].vendorMessageId,
    });
    await eventually(
      async () => (await events(gw, tencent.appId)).find((e) => e.message?.id === pairIds.target),
      'the Tencent copy event',
    );
    const original = await eventually(
      async () => (await events(gw, easemob.appId)).find((e) => e.message?.id === pairIds.source),
      'the Easemob event',
    );
    expect(original.data.relay).toBeUndefined(); // the source side's copy is the original of the notice
    await easemob.emulator.callbacksSettled();
    await tencent.emulator.callbacksSettled();
    await sleep(300);
    const now = await relays(gw, bridgeId);
    expect(now).toHaveLength(before + 1);
    expect(now.at(-1)).toMatchObject({ id: res.body.relayId, status: 'relayed', originEventId: null });

    const unmapped = await gw.call('POST', `/v1/bridges/${bridgeId}/messages`, {
      body: { from: 'em_system', to: { type: 'group', ids: ['123'] }, content: { type: 'text', text: 'x' } },
    });
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.error).toMatchObject({
      code: 'mapping_missing',
      details: { missing: ['group 123'] },
    });
  });

  it('excludeRelayed endpoints (the default on bridged apps) receive each logical message exactly once', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const receiver = await new WebhookReceiver().start();
    const everything = await new WebhookReceiver().start();
    cleanup(() => receiver.stop());
    cleanup(() => everything.stop());
    for (const appId of [easemob.appId, tencent.appId]) {
      const ep = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
        body: { url: receiver.url, eventTypes: ['message.sent'] },
      });
      expect(ep.body.excludeRelayed).toBe(true);
      const all = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
        body: { url: everything.url, eventTypes: ['message.sent'], excludeRelayed: false },
      });
      expect(all.body.excludeRelayed).toBe(false);
    }
    const before = (await relays(gw, bridgeId)).length;
    const originals = new Set<string>();
    for (let i = 0; i < 5; i++) {
      originals.add(
        await send(gw, easemob.appId, {
          from: 'em_x',
          to: { type: 'user', ids: ['em_y'] },
          content: { type: 'text', text: `x${i}` },
        }),
      );
      originals.add(
        await send(gw, tencent.appId, {
          from: 'tc_y',
          to: { type: 'user', ids: ['tc_x'] },
          content: { type: 'text', text: `y${i}` },
        }),
      );
    }
    await settledRelays(gw, bridgeId, before + 10);
    await everything.waitFor(20, 20_000);
    await sleep(500);
    const got = receiver.received.map((h) => JSON.parse(h.body).data.message.id as string);
    expect(got).toHaveLength(10);
    expect(new Set(got)).toEqual(originals);
    expect(everything.received).toHaveLength(20);
  });
});
