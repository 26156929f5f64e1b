import { describe, expect, it } from '@jest/globals';
import { bridgeKindOf, notRelayable, recalledMessageIds, relayConversationId } from './relay-source.js';

const message = { id: 'm1', from: 'b', to: 'a', sentAt: '2024-01-01T00:00:00.000Z', contents: [] };

describe('relay sources', () => {
  it.each([
    [{ type: 'direct', id: 'a' }, {}, 'direct'],
    [{ type: 'group', id: 'g' }, {}, 'group'],
    [{ type: 'group', id: 'g' }, { groupType: 'AVChatRoom' }, 'chatroom'],
    [{ type: 'chatroom', id: 'r' }, {}, 'chatroom'],
    [{ type: 'thread', id: 't', parentId: 'g' }, {}, null],
    [undefined, {}, null],
  ] as const)('%j with data %j is a %s conversation', (conversation, data, kind) => {
    expect(bridgeKindOf({ conversation, data } as never)).toBe(kind);
  });

  it('keys a direct chat by its two users in order, so both directions share one conversation', () => {
    expect(relayConversationId('direct', { message })).toBe('a|b');
    expect(relayConversationId('direct', { message: { ...message, from: 'a', to: 'b' } })).toBe('a|b');
    expect(relayConversationId('group', { conversation: { type: 'group', id: 'g1' }, message })).toBe('g1');
  });

  it.each([
    ['a failed Tencent send', { message, data: { ok: false } }, 'the vendor reports the send failed'],
    [
      'an Easemob offline copy',
      { message, data: { offline: true } },
      'an offline-delivery copy of a message',
    ],
    ['a message without id', { message: { ...message, id: '' }, data: {} }, 'the message has no id'],
    ['an ordinary message', { message, data: { ok: true } }, null],
  ])('%s: %s', (_label, event, reason) => {
    expect(notRelayable(event as never)).toBe(reason);
  });

  it('reads recalled ids from Easemob messageId and Tencent messageIds', () => {
    expect(recalledMessageIds({ data: { messageId: '966475220900644860' } })).toEqual(['966475220900644860']);
    expect(recalledMessageIds({ data: { messageIds: ['g:1', 'g:2', 3] } })).toEqual(['g:1', 'g:2']);
    expect(recalledMessageIds({ data: {} })).toEqual([]);
  });
});
