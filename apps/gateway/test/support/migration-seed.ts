import type { HistoryMessage } from '@im-gateway/types';
import type { MemoryApp } from './memory-migration.provider.js';

/** An hour ago, so every seeded message lies inside a window that ends now. */
export const T0 = Date.now() - 3_600_000;

export const text = (
  messageId: string,
  from: string,
  to: string,
  at: number,
  extra: Partial<HistoryMessage> = {},
): HistoryMessage => ({
  messageId,
  conversation: { type: 'direct', id: to },
  from,
  to,
  sentAt: T0 + at,
  contents: [{ type: 'text', text: `${messageId} from ${from}` }],
  ...extra,
});

export const groupText = (messageId: string, from: string, group: string, at: number): HistoryMessage => ({
  ...text(messageId, from, group, at),
  conversation: { type: 'group', id: group },
});

/**
 * A small directory and history on the source: four users (`Dave` is upper case, which the target's id
 * rule refuses), one group with members and a mute (the target imports no mutes), a direct conversation
 * with a recalled message, a group conversation with an image (the target takes text only in groups),
 * friends and a block.
 */
export function seedSource(source: MemoryApp): void {
  source.profiles = [
    { userId: 'alice', profile: { nickname: 'Alice' } },
    { userId: 'bob', profile: { nickname: 'Bob', gender: 'male' } },
  ];
  source.groups = [{ groupId: 'g1', name: 'Team', owner: 'alice', public: false, createdAt: T0 - 60_000 }];
  source.members = [
    { groupId: 'g1', userId: 'alice', role: 'owner' },
    { groupId: 'g1', userId: 'bob', role: 'member' },
    { groupId: 'g1', userId: 'carol', role: 'admin' },
  ];
  source.mutes = [{ groupId: 'g1', userId: 'bob', mutedUntil: null }];
  source.history = [
    text('d1', 'alice', 'bob', 1_000),
    text('d2', 'bob', 'alice', 2_000),
    text('d3', 'alice', 'bob', 3_000, { recalled: true }),
    text('d4', 'alice', 'bob', 4_000),
    groupText('g1-1', 'alice', 'g1', 1_500),
    {
      ...groupText('g1-2', 'bob', 'g1', 2_500),
      contents: [{ type: 'image', url: 'https://example.test/a.png' }],
    },
    groupText('g1-3', 'carol', 'g1', 3_500),
  ];
  source.contacts = [
    { owner: 'alice', friend: 'bob' },
    { owner: 'bob', friend: 'alice' },
  ];
  source.blocks = [{ owner: 'carol', blocked: 'alice' }];
}

export const USERS = ['alice', 'bob', 'carol', 'Dave'];
