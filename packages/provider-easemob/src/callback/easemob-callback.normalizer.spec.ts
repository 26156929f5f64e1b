import { describe, expect, it } from '@jest/globals';
import { hashJson } from '@im-gateway/provider-kit/callback';
import { CallbackRejectedError, unifiedEventProblems, type CallbackContext } from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';
import { normalizeEasemobCallback } from './easemob-callback.normalizer.js';

const context: CallbackContext<EasemobConfig> = {
  appId: 'a',
  config: { orgName: 'org', appName: 'app', clientId: 'x', clientSecret: 'y' },
  now: new Date('2024-01-01T00:00:00.000Z'),
};

function normalize(body: unknown) {
  const result = normalizeEasemobCallback(
    { body, rawBody: JSON.stringify(body), query: {}, headers: {} },
    context,
  );
  for (const event of result.events) expect(unifiedEventProblems(event)).toEqual([]);
  return result;
}

const envelope = {
  callId: 'org#app_9',
  eventType: 'chat',
  timestamp: 1700000000000,
  appkey: 'org#app',
  msg_id: '9',
};

describe('normalizeEasemobCallback', () => {
  it('publishes a direct text message with ext and mentions, the sender as actor and conversation', () => {
    const body = {
      ...envelope,
      chat_type: 'chat',
      from: 'org#app_u1@easemob.com/ios_1',
      to: 'u2',
      payload: { ext: { em_at_list: 'ALL', k: 1 }, bodies: [{ type: 'txt', msg: 'hi' }] },
    };
    const { vendorKind, events, dedupeKey } = normalize(body);
    expect(vendorKind).toBe('chat:txt');
    expect(dedupeKey).toBe('org#app_9');
    expect(events).toEqual([
      {
        type: 'message.sent',
        occurredAt: '2023-11-14T22:13:20.000Z',
        dedupeKey: 'org#app_9',
        conversation: { type: 'direct', id: 'u1' },
        actor: 'u1',
        message: {
          id: '9',
          from: 'u1',
          to: 'u2',
          sentAt: '2023-11-14T22:13:20.000Z',
          contents: [{ type: 'text', text: 'hi' }],
          ext: { em_at_list: 'ALL', k: 1 },
          mentions: { all: true, users: [] },
        },
        data: { chatType: 'chat', eventType: 'chat', fromResource: 'org#app_u1@easemob.com/ios_1' },
        raw: body,
      },
    ]);
  });

  it('gives chatroom messages a chatroom conversation', () => {
    const body = {
      ...envelope,
      chat_type: 'chatroom',
      group_id: 'r1',
      from: 'u1',
      to: 'r1',
      payload: { bodies: [{ type: 'img', url: 'u' }] },
    };
    const { vendorKind, events } = normalize(body);
    expect(vendorKind).toBe('chatroom:img');
    expect(events[0]?.conversation).toEqual({ type: 'chatroom', id: 'r1' });
  });

  it('marks chat_offline messages with data.offline', () => {
    const body = {
      ...envelope,
      eventType: 'chat_offline',
      chat_type: 'chat',
      from: 'u1',
      to: 'u2',
      payload: { bodies: [] },
    };
    expect(normalize(body).events[0]?.data).toMatchObject({ offline: true });
  });

  it('answers pre-send callbacks with {"valid": true} and publishes message.send.requested', () => {
    const body = {
      callId: 'c',
      timestamp: 1,
      chat_type: 'chat',
      from: 'u1',
      to: 'u2',
      msg_id: '1',
      payload: { type: 'txt', msg: 'x' },
    };
    const result = normalize(body);
    expect(result.vendorKind).toBe('presend:chat:txt');
    expect(result.reply).toEqual({ status: 200, body: { valid: true } });
    expect(result.events[0]?.type).toBe('message.send.requested');
  });

  it('answers a pre-send callback {"valid": true} whatever its payload shape', () => {
    const presend = { callId: 'c', timestamp: 1, chat_type: 'chat', from: 'u1', to: 'u2', msg_id: '1' };
    for (const payload of [{ bodies: [{ type: 'txt', msg: 'x' }] }, { msg: 'x' }]) {
      const result = normalize({ ...presend, payload });
      expect(result.reply).toEqual({ status: 200, body: { valid: true } });
      expect(result.events[0]?.type).toBe('message.send.requested');
    }
    expect(
      normalize({ ...presend, payload: { bodies: [{ type: 'txt', msg: 'x' }] } }).events[0],
    ).toMatchObject({
      message: { contents: [{ type: 'text', text: 'x' }] },
    });
  });

  it('publishes an unknown muc operation as provider.unknown with its vendor type', () => {
    const body = {
      ...envelope,
      chat_type: 'muc',
      group_id: 'g',
      from: 'u1',
      payload: { operation: 'some_new_op' },
    };
    const { vendorKind, events } = normalize(body);
    expect(vendorKind).toBe('muc:some_new_op');
    expect(events[0]).toMatchObject({ type: 'provider.unknown', data: { vendorType: 'muc:some_new_op' } });
  });

  it('keeps failed operations as events with data.ok false', () => {
    const body = {
      ...envelope,
      chat_type: 'muc',
      group_id: 'g',
      from: 'u1',
      to: 'u2',
      payload: { operation: 'kick', status: { error_code: '403', description: 'forbidden' } },
    };
    expect(normalize(body).events[0]).toMatchObject({
      type: 'group.member.removed',
      subjects: ['u2'],
      data: { ok: false, errorCode: '403', errorDescription: 'forbidden' },
    });
  });

  it('publishes an unknown group_op pair as provider.unknown', () => {
    const body = {
      callId: 'c',
      event: 'group_op_event',
      type: 'CHATROOM',
      operation: 'PIN',
      id: 'r',
      payload: { type: 'ADD' },
    };
    const { vendorKind, events } = normalize(body);
    expect(vendorKind).toBe('group_op:PIN:ADD');
    expect(events[0]).toMatchObject({
      type: 'provider.unknown',
      conversation: { type: 'chatroom', id: 'r' },
      data: { vendorType: 'group_op:PIN:ADD' },
    });
  });

  it('splits a reaction callback per message and suffixes the dedupe keys', () => {
    const body = {
      chat_type: 'notify',
      payload: {
        type: 'reaction',
        data: [
          { messageId: 'm1', from: 'a', to: 'b' },
          { messageId: 'm2', from: 'a', to: 'b' },
        ],
      },
    };
    const { dedupeKey, events } = normalize(body);
    expect(dedupeKey).toBe(hashJson(body));
    expect(events.map((e) => [e.dedupeKey, e.data.messageId])).toEqual([
      [`${dedupeKey}#1`, 'm1'],
      [`${dedupeKey}#2`, 'm2'],
    ]);
  });

  it('uses thread.created when the thread payload says create', () => {
    const body = {
      chat_type: 'notify',
      payload: { type: 'thread', data: { id: 't', operation: 'create', muc_parent_id: 'g' } },
    };
    expect(normalize(body).events[0]).toMatchObject({
      type: 'thread.created',
      conversation: { type: 'thread', id: 't', parentId: 'g' },
    });
  });

  it('maps delivery receipts, the group read-receipt shape, moderation and sensitive words', () => {
    expect(
      normalize({
        ...envelope,
        chat_type: 'delivery_ack',
        from: 'u1',
        to: 'u2',
        payload: { ack_message_id: 'm' },
      }).events[0],
    ).toMatchObject({
      type: 'message.delivered',
      data: { messageId: 'm' },
    });
    const groupAck = {
      ...envelope,
      chat_type: 'read_ack',
      content_type: 'chat:ack:read',
      group_id: 'g',
      from: 'u1',
      payload: { type: 'read_ack', msg_config: { allow_group_ack: true }, ack_message_id: 'm' },
    };
    expect(normalize(groupAck).events[0]).toMatchObject({
      type: 'message.read',
      conversation: { type: 'group', id: 'g' },
      data: { allowGroupAck: true },
    });
    const moderation = {
      callId: 'c',
      eventType: 'moderation',
      moderationResult: 'REJECT',
      messageId: '1F4MX6iSdI7VFnN7Hm0vrcr3Uwr',
      chat_type: 'chat',
      from: 'u1',
      to: 'u2',
    };
    expect(normalize(moderation)).toMatchObject({
      vendorKind: 'moderation:REJECT',
      events: [
        { type: 'message.moderated', data: { result: 'REJECT', messageId: '1F4MX6iSdI7VFnN7Hm0vrcr3Uwr' } },
      ],
    });
    const blocked = {
      ...envelope,
      chat_type: 'chat',
      alertReason: 'intercepted',
      from: 'u1',
      to: 'u2',
      payload: { bodies: [{ type: 'txt', msg: 'bad' }] },
    };
    expect(normalize(blocked)).toMatchObject({
      vendorKind: 'sensitiveWords:intercepted',
      events: [
        {
          type: 'message.blocked',
          conversation: { type: 'direct', id: 'u1' },
          message: { contents: [{ type: 'text', text: 'bad' }] },
        },
      ],
    });
  });

  it('falls back to the gateway clock when the vendor timestamp is missing', () => {
    expect(normalize({ callId: 'c', chat_type: 'recall', recall_id: 'm' }).events[0]?.occurredAt).toBe(
      '2024-01-01T00:00:00.000Z',
    );
  });

  it('rejects only a body that is not an object', () => {
    expect(() => normalize([1])).toThrow(CallbackRejectedError);
    expect(normalize({}).events[0]).toMatchObject({
      type: 'provider.unknown',
      data: { vendorType: 'unknown' },
    });
  });
});
