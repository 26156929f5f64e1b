import { describe, expect, it } from '@jest/globals';
import type { HistoryMessage, MigrationKind } from '@im-gateway/types';
import { relayConversationId } from '../../src/bridges/relay/relay-source.js';
import { EASEMOB_LIKE } from '../support/migration-plan.fixtures.js';
import {
  historyConversationKey,
  historyOrderKey,
  planItem,
  sourceKeyOf,
} from '../../src/migrations/migration-items.plan.js';

const message = (over: Partial<HistoryMessage> = {}): HistoryMessage => ({
  messageId: 'm1',
  conversation: { type: 'direct', id: 'bob' },
  from: 'alice',
  to: 'bob',
  sentAt: 1_700_000_000_000,
  contents: [{ type: 'text', text: 'hi' }],
  ...over,
});

const context = (over: Partial<Parameters<typeof planItem>[2]> = {}) => ({
  kindSkip: null,
  target: EASEMOB_LIKE,
  targetName: 'Easemob',
  sequence: 0,
  relayedLive: new Set<string>(),
  ...over,
});

describe('item keys', () => {
  it.each<[MigrationKind, unknown, string]>([
    ['accounts', { userId: 'alice' }, 'alice'],
    ['profiles', { userId: 'alice', profile: {} }, 'alice'],
    ['groups', { groupId: 'g1', name: 'x', public: true, createdAt: 0 }, 'g1'],
    ['members', { groupId: 'g1', userId: 'bob', role: 'member' }, 'g1→bob'],
    ['mutes', { groupId: 'g1', userId: 'bob', mutedUntil: null }, 'g1→bob'],
    ['chatrooms', { roomId: 'r1', name: 'x', members: [], admins: [] }, 'r1'],
    ['contacts', { owner: 'alice', friend: 'bob' }, 'alice→bob'],
    ['blocklists', { owner: 'alice', blocked: 'bob' }, 'alice→bob'],
    ['history', message(), 'm1'],
  ])('keys %s items by their source ids', (kind, item, key) => {
    expect(sourceKeyOf(kind, item)).toBe(key);
  });

  it('keys a conversation as the live relay does, so the relay gate finds its pending history', () => {
    const direct = message({ from: 'bob', to: 'alice', conversation: { type: 'direct', id: 'alice' } });
    const event = {
      message: { id: 'x', from: 'bob', to: 'alice', sentAt: '', contents: [] },
      conversation: { type: 'direct' as const, id: 'bob' },
    };
    expect(historyConversationKey(direct)).toBe(relayConversationId('direct', event));
    expect(historyConversationKey(message({ from: 'alice', to: 'bob' }))).toBe('alice|bob');
    const group = message({ conversation: { type: 'group', id: 'g1' }, to: 'g1' });
    expect(historyConversationKey(group)).toBe(
      relayConversationId('group', { conversation: { type: 'group', id: 'g1' } }),
    );
  });

  it('orders by sent time, then by read order within one time, as text both engines sort alike', () => {
    const keys = [
      historyOrderKey(message({ sentAt: 2_000 }), 0),
      historyOrderKey(message({ sentAt: 1_000 }), 5),
      historyOrderKey(message({ sentAt: 1_000 }), 12),
      historyOrderKey(message({ sentAt: 10_000 }), 1),
    ];
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0], keys[3]]);
  });
});

describe('planItem', () => {
  it('plans an importable message as pending, in its conversation', () => {
    expect(planItem('history', message(), context({ sequence: 3 }))).toEqual({
      sourceKey: 'm1',
      conversationKey: 'alice|bob',
      orderKey: historyOrderKey(message(), 3),
      status: 'pending',
      reason: null,
    });
  });

  it.each([
    ['a recalled message', message({ recalled: true }), context(), 'recalled at the source'],
    ['a message relayed live', message(), context({ relayedLive: new Set(['m1']) }), 'relayed live'],
    [
      'content the target does not take in that conversation',
      message({ contents: [{ type: 'location', latitude: 1, longitude: 2 }] }),
      context(),
      'Easemob cannot import location messages into a direct conversation',
    ],
    [
      'a conversation kind the target does not import',
      message({ conversation: { type: 'chatroom', id: 'r1' }, to: 'r1' }),
      context(),
      'Easemob cannot import chatroom history',
    ],
    [
      'any item of a kind the target cannot import',
      message(),
      context({ kindSkip: 'no history here' }),
      'no history here',
    ],
  ])('skips %s with the reason', (_name, item, ctx, reason) => {
    expect(planItem('history', item, ctx)).toMatchObject({ status: 'skipped', reason });
  });

  it('groups members by their group and contacts by their owner, for per-group and per-owner batches', () => {
    expect(
      planItem('members', { groupId: 'g1', userId: 'bob', role: 'member' }, context()).conversationKey,
    ).toBe('g1');
    expect(planItem('contacts', { owner: 'alice', friend: 'bob' }, context()).conversationKey).toBe('alice');
    expect(planItem('accounts', { userId: 'alice' }, context()).conversationKey).toBeNull();
  });
});
