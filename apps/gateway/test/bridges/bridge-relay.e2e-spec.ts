import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MessageContent, SendableContent } from '@im-gateway/types';
import { EASEMOB_CAPABILITIES } from '@im-gateway/provider-easemob';
import { TENCENT_CAPABILITIES } from '@im-gateway/provider-tencent';
import { EASEMOB_CONTENTS, TENCENT_CONTENTS } from '../messages/send-support.js';
import {
  bridgedPair,
  events,
  eventually,
  GROUP,
  relays,
  ROOM,
  send,
  settledRelays,
  type BridgedPair,
} from './bridge-support.js';

let pair: BridgedPair;

beforeAll(async () => {
  pair = await bridgedPair();
});
afterAll(async () => {
  await pair.close();
});

const TIM_ELEMENT: Record<string, string> = {
  text: 'TIMTextElem',
  image: 'TIMImageElem',
  audio: 'TIMSoundElem',
  video: 'TIMVideoFileElem',
  file: 'TIMFileElem',
  location: 'TIMLocationElem',
  command: 'TIMCustomElem',
  custom: 'TIMCustomElem',
};
const EASEMOB_TYPE: Record<string, string> = {
  text: 'txt',
  image: 'img',
  audio: 'audio',
  video: 'video',
  file: 'file',
  location: 'loc',
  command: 'cmd',
  custom: 'custom',
};

/** What must survive a relay of `sent`, as the other vendor's callback reports the copy. */
function expectEquivalent(copy: MessageContent, sent: SendableContent): void {
  expect(copy.type).toBe(sent.type);
  const c = copy as Record<string, unknown>;
  const s = sent as Record<string, unknown>;
  for (const field of ['text', 'url', 'action', 'latitude', 'longitude', 'address'])
    if (s[field] !== undefined) expect(c[field]).toEqual(s[field]);
  if (sent.type === 'custom' && sent.event !== undefined)
    // Easemob → Tencent: the event and fields travel as JSON in Tencent's Data.
    expect(JSON.parse(c.data as string)).toEqual({ event: sent.event, fields: sent.fields });
  if (sent.type === 'custom' && sent.data !== undefined)
    // Tencent → Easemob: Data, Desc, Ext and Sound travel as Easemob custom fields.
    expect(c.fields).toEqual({
      data: sent.data,
      description: sent.description,
      extension: sent.extension,
      sound: sent.sound,
    });
}

/** The reason a relayed copy gives for the fields of `content` the target vendor has no place for. */
function droppedReason(content: SendableContent, target: typeof TENCENT_CAPABILITIES, name: string) {
  const unsupported = target.send.unsupportedContentFields[content.type] ?? [];
  // Custom fields are carried in the fields the target has (see relay-content.ts), never dropped.
  const lacking = Object.keys(content)
    .filter((f) => content.type !== 'custom' && unsupported.includes(f))
    .map((f) => `${content.type}.${f}`);
  return lacking.length > 0 ? `dropped (${name} has no place for them): ${lacking.join(', ')}` : null;
}

describe('a bridge relays every content type, both ways', () => {
  it('Easemob → Tencent: a direct chat and a mapped group, sent by the mapped users', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const sent: { id: string; content: SendableContent; to: 'user' | 'group' }[] = [];
    for (const content of EASEMOB_CONTENTS) {
      sent.push({
        id: await send(gw, easemob.appId, {
          from: 'em_alice',
          to: { type: 'user', ids: ['em_bob'] },
          content,
        }),
        content,
        to: 'user',
      });
      sent.push({
        id: await send(gw, easemob.appId, {
          from: 'em_alice',
          to: { type: 'group', ids: [GROUP.easemob] },
          content,
        }),
        content,
        to: 'group',
      });
    }
    const done = await settledRelays(gw, bridgeId, sent.length);
    for (const s of sent) {
      const relay = done.find((r) => r.sourceMessageId === s.id && r.action === 'message');
      expect(relay).toMatchObject({
        status: 'relayed',
        sourceAppId: easemob.appId,
        targetAppId: tencent.appId,
      });
      // What the copy lacks (an Easemob download secret, a file name) is named, not lost silently.
      expect(relay.reason).toBe(droppedReason(s.content, TENCENT_CAPABILITIES, 'Tencent'));
      const [copyId] = relay.targetMessageIds as string[];
      const recorded = tencent.emulator.messages().find((m) => m.id === copyId);
      expect(recorded).toMatchObject({ from: 'tc_alice', to: s.to === 'user' ? 'tc_bob' : GROUP.tencent });
      expect((recorded!.body as { MsgType: string }[])[0]!.MsgType).toBe(TIM_ELEMENT[s.content.type]);
      // The copy came back through Tencent's callback as an event marked with its origin, and equivalent.
      const copy = await eventually(
        async () => (await events(gw, tencent.appId)).find((e) => e.message?.id === copyId),
        `the Tencent event of ${copyId}`,
      );
      expect(copy.data.relay).toEqual({
        bridgeId,
        relayId: relay.id,
        originEventId: relay.originEventId,
        originProvider: 'easemob',
      });
      expectEquivalent(copy.message.contents[0], s.content);
      expect(copy.message.ext.imGatewayRelay).toMatchObject({
        originMessageId: s.id,
        originProvider: 'easemob',
      });
    }
    // None of the copies was relayed back.
    expect((await relays(gw, bridgeId)).filter((r) => r.sourceAppId === tencent.appId)).toEqual([]);
  });

  it('Tencent → Easemob: every content Easemob can carry; a face message is skipped with the reason', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const before = (await relays(gw, bridgeId)).length;
    const sent: { id: string; content: SendableContent; to: 'user' | 'group' }[] = [];
    for (const content of TENCENT_CONTENTS) {
      sent.push({
        id: await send(gw, tencent.appId, {
          from: 'tc_carol',
          to: { type: 'user', ids: ['tc_dave'] },
          content,
        }),
        content,
        to: 'user',
      });
      sent.push({
        id: await send(gw, tencent.appId, {
          from: 'tc_carol',
          to: { type: 'group', ids: [GROUP.tencent] },
          content,
        }),
        content,
        to: 'group',
      });
    }
    const done = await settledRelays(gw, bridgeId, before + sent.length);
    for (const s of sent) {
      const relay = done.find((r) => r.sourceMessageId === s.id && r.action === 'message');
      if (s.content.type === 'face') {
        expect(relay).toMatchObject({ status: 'skipped', reason: 'Easemob cannot send face messages' });
        continue;
      }
      expect(relay).toMatchObject({
        status: 'relayed',
        sourceAppId: tencent.appId,
        targetAppId: easemob.appId,
      });
      // Tencent image format and variants, video format: Easemob has no field for them.
      expect(relay.reason).toBe(droppedReason(s.content, EASEMOB_CAPABILITIES, 'Easemob'));
      const [copyId] = relay.targetMessageIds as string[];
      const recorded = easemob.emulator.messages().find((m) => m.id === copyId);
      expect(recorded).toMatchObject({
        from: 'em_carol',
        to: s.to === 'user' ? 'em_dave' : GROUP.easemob,
        type: EASEMOB_TYPE[s.content.type],
      });
      const copy = await eventually(
        async () => (await events(gw, easemob.appId)).find((e) => e.message?.id === copyId),
        `the Easemob event of ${copyId}`,
      );
      expect(copy.data.relay).toMatchObject({ bridgeId, relayId: relay.id, originProvider: 'tencent' });
      expectEquivalent(copy.message.contents[0], s.content);
    }
    expect(
      (await relays(gw, bridgeId)).filter(
        (r) => r.sourceAppId === easemob.appId && r.createdAt > done[before - 1]?.createdAt,
      ),
    ).toEqual([]);
  });

  it.each([
    ['Easemob', 'user'],
    ['Easemob', 'group'],
    ['Tencent', 'user'],
    ['Tencent', 'group'],
  ] as const)('a recall on %s (%s) recalls the mapped copy on the other side, once', async (side, kind) => {
    const { gw, easemob, tencent, bridgeId } = pair;
    const [from, to, other] =
      side === 'Easemob'
        ? [easemob, { user: 'em_bob', group: GROUP.easemob }, tencent]
        : [tencent, { user: 'tc_dave', group: GROUP.tencent }, easemob];
    const sender = side === 'Easemob' ? 'em_alice' : 'tc_carol';
    const res = await gw.call('POST', `/v1/apps/${from.appId}/messages`, {
      body: {
        from: sender,
        to: { type: kind, ids: [to[kind]] },
        content: { type: 'text', text: `recall me ${side} ${kind}` },
      },
    });
    expect(res.status).toBe(201);
    const sourceId = res.body.recipients[0].vendorMessageId as string;
    const relay = await eventually(
      async () =>
        (await relays(gw, bridgeId, 'relayed')).find(
          (r) => r.sourceMessageId === sourceId && r.action === 'message',
        ),
      'the relay of the message',
    );
    const copyId = relay.targetMessageIds[0] as string;

    expect((await gw.call('POST', `/v1/apps/${from.appId}/messages/${res.body.id}/recall`)).status).toBe(200);
    const recall = await eventually(
      async () =>
        (await relays(gw, bridgeId, 'relayed')).find(
          (r) => r.sourceMessageId === sourceId && r.action === 'recall',
        ),
      'the relay of the recall',
    );
    expect(recall.targetMessageIds).toEqual([copyId]);
    await eventually(
      async () => (other.emulator.messages().find((m) => m.id === copyId)?.recalled ? true : undefined),
      'the copy recalled at the vendor',
    );
    // The other vendor's recall callback is an echo: marked, and not relayed back as a second recall.
    const echo = await eventually(
      async () =>
        (await events(gw, other.appId, 'message.recalled')).find((e) =>
          JSON.stringify(e.data).includes(copyId),
        ),
      'the echo of the recall',
    );
    expect(echo.data.relay).toMatchObject({ bridgeId, relayId: recall.id });
    await other.emulator.callbacksSettled();
    const recalls = (await relays(gw, bridgeId)).filter(
      (r) => r.action === 'recall' && [sourceId, copyId].includes(r.sourceMessageId),
    );
    expect(recalls).toHaveLength(1);
  });

  it('chat rooms: relayed both ways through the chat-room table; a recall Tencent cannot make is skipped', async () => {
    const { gw, easemob, tencent, bridgeId } = pair;
    // Easemob reports room messages as groupchat: the chat-room table tells the relay it is a room.
    const res = await gw.call('POST', `/v1/apps/${easemob.appId}/messages`, {
      body: {
        from: 'em_host',
        to: { type: 'chatroom', ids: [ROOM.easemob] },
        content: { type: 'text', text: 'room hello' },
      },
    });
    expect(res.status).toBe(201);
    const fromEasemob = res.body.recipients[0].vendorMessageId as string;
    const fromTencent = await send(gw, tencent.appId, {
      from: 'tc_guest',
      to: { type: 'chatroom', ids: [ROOM.tencent] },
      content: { type: 'text', text: 'room reply' },
    });
    const relayOf = (id: string) =>
      eventually(
        async () =>
          (await relays(gw, bridgeId, 'relayed')).find(
            (r) => r.sourceMessageId === id && r.action === 'message',
          ),
        `relay of ${id}`,
      );
    const there = await relayOf(fromEasemob);
    const back = await relayOf(fromTencent);
    expect(there.conversationKind).toBe('chatroom');
    expect(tencent.emulator.messages().find((m) => m.id === there.targetMessageIds[0])).toMatchObject({
      from: 'tc_host',
      to: ROOM.tencent,
    });
    expect(easemob.emulator.messages().find((m) => m.id === back.targetMessageIds[0])).toMatchObject({
      from: 'em_guest',
      to: ROOM.easemob,
      chatType: 'chatroom',
    });

    expect((await gw.call('POST', `/v1/apps/${easemob.appId}/messages/${res.body.id}/recall`)).status).toBe(
      200,
    );
    const recall = await eventually(
      async () =>
        (await relays(gw, bridgeId, 'skipped')).find(
          (r) => r.sourceMessageId === fromEasemob && r.action === 'recall',
        ),
      'the skipped recall',
    );
    expect(recall.reason).toBe('tencent cannot recall chatroom messages.');
  });
});
