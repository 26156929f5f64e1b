import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { easemobAppBody, tencentAppBody } from '../support/gateway.js';
import { providerFixtures } from '../support/provider-fixtures.js';
import { EASEMOB } from '../messages/send-support.js';
import {
  bridgedPair,
  cleanupAfterAll,
  events,
  eventually,
  GROUP,
  relays,
  ROOM,
  send,
  type BridgedPair,
} from './bridge-support.js';

const cleanup = cleanupAfterAll();

/**
 * The vendor-doc example of a member entering an Easemob chat room (`muc` presence, `is_chatroom: true`),
 * moved to this app's App Key and room and signed with its callback secret: the event that tells the gateway
 * the room is one, since Easemob reports the room's messages as `groupchat` like a group's.
 */
function roomPresenceCallback(roomId: string) {
  const fixture = providerFixtures('@im-gateway/provider-easemob').find(
    (f) => f.name === 'muc-presence-chatroom',
  )!;
  const appKey = `${EASEMOB.orgName}#${EASEMOB.appName}`;
  const timestamp = Date.now();
  const callId = `${appKey}_presence-${timestamp}`;
  const body = fixture.body as Record<string, any>;
  return {
    ...body,
    callId,
    appkey: appKey,
    group_id: roomId,
    to: roomId,
    from: `${appKey}_em_r@easemob.com`,
    msg_id: `${timestamp}`,
    timestamp,
    payload: { ...body.payload, muc_id: `${appKey}_${roomId}@conference.easemob.com` },
    security: createHash('md5').update(`${callId}${EASEMOB.callbackSecret}${timestamp}`).digest('hex'),
  };
}

describe('relays API', () => {
  let pair: BridgedPair;
  let otherBridge: string;
  beforeAll(async () => {
    pair = await bridgedPair();
    cleanup(() => pair.close());
    const { gw } = pair;
    // Two more apps (no vendor behind them) and a bridge between them: another bridge's relays are not ours.
    const em = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const tc = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
    otherBridge = (await gw.call('POST', '/v1/bridges', { body: { sourceAppId: em, targetAppId: tc } })).body
      .id;
  });

  it('finds the relays of one message by its vendor id, exact match only', async () => {
    const { gw, easemob, bridgeId } = pair;
    const ids: string[] = [];
    for (const text of ['one', 'two'])
      ids.push(
        await send(gw, easemob.appId, {
          from: 'em_a',
          to: { type: 'user', ids: ['em_b'] },
          content: { type: 'text', text },
        }),
      );
    await eventually(
      async () => ((await relays(gw, bridgeId, 'relayed')).length >= 2 ? true : undefined),
      'both relays',
    );
    const list = (q: string) => gw.call('GET', `/v1/bridges/${bridgeId}/relays?${q}`);
    const found = await list(`sourceMessageId=${ids[1]}`);
    expect(found.status).toBe(200);
    expect(found.body.data).toHaveLength(1);
    expect(found.body.data[0]).toMatchObject({
      sourceMessageId: ids[1],
      action: 'message',
      status: 'relayed',
    });
    expect((await list(`sourceMessageId=${ids[1]}&status=relayed`)).body.data).toHaveLength(1);
    expect((await list(`sourceMessageId=${ids[1]}&status=failed`)).body.data).toEqual([]);
    // Exact: a prefix of the id is not the id.
    expect((await list(`sourceMessageId=${ids[1]!.slice(0, -1)}`)).body.data).toEqual([]);
    // The same id on another bridge finds nothing there.
    const elsewhere = await gw.call('GET', `/v1/bridges/${otherBridge}/relays?sourceMessageId=${ids[1]}`);
    expect(elsewhere.body.data).toEqual([]);
  });

  it.each([
    ['empty', 'sourceMessageId='],
    ['longer than 200 characters', `sourceMessageId=${'9'.repeat(201)}`],
    ['given twice', 'sourceMessageId=1&sourceMessageId=2'],
  ])('refuses a sourceMessageId %s with 400 validation_failed', async (_label, q) => {
    const res = await pair.gw.call('GET', `/v1/bridges/${pair.bridgeId}/relays?${q}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error)).toContain('sourceMessageId');
  });

  it('documents the filter and the 404 of a retry in the OpenAPI document', async () => {
    const doc = (await pair.gw.call('GET', '/docs-json', { token: null })).body;
    const list = doc.paths['/v1/bridges/{bridgeId}/relays'].get;
    expect(list.parameters).toContainEqual(
      expect.objectContaining({
        name: 'sourceMessageId',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ maxLength: 200 }),
      }),
    );
    expect(Object.keys(doc.paths['/v1/bridges/{bridgeId}/relays/retry'].post.responses)).toContain('404');
  });

  it('answers 404 not_found to a retry of an unknown relay or of another bridge, and requeues nothing', async () => {
    const { gw, bridgeId } = pair;
    const [relay] = await relays(gw, bridgeId, 'relayed');
    const unknown = '01900000-0000-7000-8000-000000000000';
    const retry = (bridge: string, ids: string[]) =>
      gw.call('POST', `/v1/bridges/${bridge}/relays/retry`, { body: { ids } });

    const none = await retry(bridgeId, [unknown]);
    expect(none.status).toBe(404);
    expect(none.body.error).toMatchObject({ code: 'not_found' });
    expect(none.body.error.message).toContain(unknown);
    // One good id and one unknown: refused whole, the good one is left as it was.
    const mixed = await retry(bridgeId, [relay.id, unknown]);
    expect(mixed.status).toBe(404);
    expect((await gw.call('GET', `/v1/bridges/${bridgeId}/relays/${relay.id}`)).body).toMatchObject({
      status: 'relayed',
      attempts: relay.attempts,
    });
    const foreign = await retry(otherBridge, [relay.id]);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    // Named by id on its own bridge, it is requeued.
    const ok = await retry(bridgeId, [relay.id]);
    expect(ok.status).toBe(200);
    expect(ok.body.requeued).toEqual([relay.id]);
  });

  it('reports an error in stats until its relay goes through, then no longer', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const id = await send(gw, easemob.appId, {
      from: 'em_a',
      to: { type: 'group', ids: ['999000222'] },
      content: { type: 'text', text: 'to a group mapped later' },
    });
    const unmapped = await eventually(
      async () => (await relays(gw, bridgeId, 'unmapped')).find((r) => r.sourceMessageId === id),
      'the unmapped relay',
    );
    const stats = async () => (await gw.call('GET', `/v1/bridges/${bridgeId}/stats`)).body;
    expect((await stats()).lastError).toMatchObject({ relayId: unmapped.id, status: 'unmapped' });

    await gw.call('POST', `/v1/bridges/${bridgeId}/mappings/group`, {
      body: [{ source: '999000222', target: '@TGS#later' }],
    });
    await gw.call('POST', `/v1/bridges/${bridgeId}/relays/retry`, { body: { ids: [unmapped.id] } });
    await eventually(
      async () => (tencent.emulator.messages({ to: '@TGS#later' }).length === 1 ? true : undefined),
      'the relay once mapped',
    );
    await eventually(
      async () => ((await stats()).totals.relaying === 0 ? true : undefined),
      'the attempt recorded',
    );
    const after = await stats();
    expect(after.lastError).toBeNull();
    // The attempt log still tells the story.
    const detail = await gw.call('GET', `/v1/bridges/${bridgeId}/relays/${unmapped.id}`);
    expect(detail.body.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual([
      'unmapped',
      'relayed',
    ]);
  });

  it('relays no message of an Easemob chat room when the bridge does not carry chat rooms', async () => {
    const { gw, easemob, bridgeId } = pair;
    const kinds = await gw.call('PATCH', `/v1/bridges/${bridgeId}`, {
      body: { conversationKinds: ['direct', 'group'] },
    });
    expect(kinds.status).toBe(200);
    const presence = await gw.call('POST', `/callbacks/easemob/${easemob.appId}`, {
      token: null,
      body: roomPresenceCallback(ROOM.easemob),
    });
    expect(presence.status).toBe(200);

    const inRoom = await send(gw, easemob.appId, {
      from: 'em_r',
      to: { type: 'chatroom', ids: [ROOM.easemob] },
      content: { type: 'text', text: 'in the room' },
    });
    const inGroup = await send(gw, easemob.appId, {
      from: 'em_r',
      to: { type: 'group', ids: [GROUP.easemob] },
      content: { type: 'text', text: 'in the group' },
    });
    // Easemob says `groupchat` for both: the room's message is stored as a group message…
    const roomEvent = await eventually(
      async () => (await events(gw, easemob.appId)).find((e) => e.message?.id === inRoom),
      'the room message event',
    );
    expect(roomEvent.conversation).toEqual({ type: 'group', id: ROOM.easemob });
    // …yet, the room being known as one, it is out of scope like any uncarried kind: no relay at all.
    await eventually(
      async () => (await relays(gw, bridgeId, 'relayed')).find((r) => r.sourceMessageId === inGroup),
      'the group message relayed',
    );
    expect((await relays(gw, bridgeId)).filter((r) => r.sourceMessageId === inRoom)).toEqual([]);
  });
});
