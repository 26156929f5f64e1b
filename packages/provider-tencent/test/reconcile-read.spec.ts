import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TencentSeed } from '@im-gateway/emulator';
import {
  messageKeysOf,
  unifiedEventProblems,
  type HistoryMessage,
  type KnownConversation,
  type MigrationPage,
  type VendorCallContext,
} from '@im-gateway/types';
import { TencentProvider } from '../src/tencent.provider.js';
import { NOW, startApp, type TestApp } from './tencent-migration.setup.js';

const DAY = 86_400;
/** The emulator's clock, moved on by the hole test. */
let clock = NOW;
const provider = new TencentProvider(axios.create(), { now: () => clock });
const reconciliation = provider.reconciliation;

/** Seconds: message `i` of a conversation is sent a minute after message `i - 1`, the first 5 hours ago. */
const T0 = NOW / 1000 - 5 * 3600;
const at = (i: number) => T0 + i * 60;
const C2C_COUNT = 250;
const GROUP_COUNT = 65;

const member = (id: string) => ({ Member_Account: id, Role: 'Member' as const, JoinTime: T0 - DAY });
const SEED: TencentSeed = {
  Accounts: ['alice', 'bob', 'carol'],
  Groups: [
    {
      GroupId: 'group-r',
      Type: 'Public',
      Name: 'r',
      CreateTime: T0 - DAY,
      MemberList: ['alice', 'bob', 'carol'].map(member),
    },
    {
      GroupId: 'room-r',
      Type: 'ChatRoom',
      Name: 'room',
      CreateTime: T0 - DAY,
      MemberList: ['alice', 'bob'].map(member),
    },
  ],
  C2CMsgList: Array.from({ length: C2C_COUNT }, (_, i) => ({
    From_Account: i % 2 === 0 ? 'alice' : 'bob',
    To_Account: i % 2 === 0 ? 'bob' : 'alice',
    MsgTimestamp: at(i),
    MsgSeq: 1000 + i,
    MsgRandom: 7000 + i,
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `direct ${i}` } }],
  })),
  GroupMsgList: [
    ...Array.from({ length: GROUP_COUNT }, (_, i) => ({
      GroupId: 'group-r',
      From_Account: ['alice', 'bob', 'carol'][i % 3]!,
      MsgTimestamp: at(i),
      MsgRandom: 9000 + i,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `group ${i}` } }],
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      GroupId: 'room-r',
      From_Account: 'alice',
      MsgTimestamp: at(i),
      MsgRandom: 5000 + i,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `room ${i}` } }],
    })),
  ],
};
const c2cKey = (i: number) => `${1000 + i}_${7000 + i}_${at(i)}`;

/** A call context that runs each attempt at once and counts the calls per API. */
function countingContext(): VendorCallContext & { calls: Map<string, number> } {
  const calls = new Map<string, number>();
  return {
    appId: 'reconcile-test',
    deadline: Number.MAX_SAFE_INTEGER,
    calls,
    call: (api, _weight, attempt) => {
      calls.set(api, (calls.get(api) ?? 0) + 1);
      return attempt(10_000);
    },
  };
}

let app: TestApp;
/** The ids of the two messages sent live and then recalled (the emulator recalls only live sends). */
let recalledDirect = '';
let recalledGroup = '';
beforeAll(async () => {
  app = await startApp(1400000301, { now: () => clock });
  app.emulator.seed(app.sdkAppId, SEED);
  const ctx = countingContext();
  const sent = async (from: string, to: { type: 'user' | 'group'; id: string }) => {
    const result = await provider.send(
      app.config,
      { from, to: { type: to.type, ids: [to.id] }, content: { type: 'text', text: 'oops' } },
      ctx,
    );
    const recipient = result.recipients[0];
    if (recipient?.status !== 'sent') throw new Error('the send failed');
    // Recalled at the source through the recall APIs, as a user's recall would be.
    await provider.recall(app.config, { from, to, vendorMessageId: recipient.vendorMessageId }, ctx);
    return recipient.vendorMessageId;
  };
  recalledDirect = await sent('alice', { type: 'user', id: 'bob' });
  recalledGroup = await sent('bob', { type: 'group', id: 'group-r' });
});
afterAll(() => app.close());

async function readConversation(
  conversation: KnownConversation,
  window: { from: number; to: number },
  ctx = countingContext(),
): Promise<{ messages: HistoryMessage[]; pages: number }> {
  const read = reconciliation.conversationHistory!;
  const messages: HistoryMessage[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages < 1000; pages++) {
    const page: MigrationPage<HistoryMessage> = await read(app.config, conversation, window, cursor, ctx);
    messages.push(...page.items);
    if (page.next === null) return { messages, pages };
    cursor = page.next;
  }
  throw new Error('the read did not finish');
}

const ALICE_BOB: KnownConversation = { type: 'direct', id: 'alice', peer: 'bob' };
const GROUP: KnownConversation = { type: 'group', id: 'group-r' };
// The live sends happen at NOW (seconds): the window ends a minute later.
const everything = { from: at(0) * 1000, to: NOW + 60_000 };
const live = { from: NOW, to: NOW + 60_000 };

describe('Tencent conversationHistory against the emulator', () => {
  it('reads a direct conversation over several pages, every message once, the recalled one marked', async () => {
    const { messages, pages } = await readConversation(ALICE_BOB, everything);
    expect(pages).toBeGreaterThan(1);
    const ids = messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [...Array.from({ length: C2C_COUNT }, (_, i) => c2cKey(i)), recalledDirect].sort(),
    );
    expect(messages.filter((m) => m.recalled).map((m) => m.messageId)).toEqual([recalledDirect]);
    const first = messages.find((m) => m.messageId === c2cKey(0))!;
    expect(first).toMatchObject({
      from: 'alice',
      to: 'bob',
      sentAt: at(0) * 1000,
      contents: [{ type: 'text', text: 'direct 0' }],
    });
    // The roaming record as Tencent answered it.
    expect(first.raw).toMatchObject({ MsgKey: c2cKey(0), MsgTimeStamp: at(0), MsgFlagBits: 0 });
  });

  it('keeps to the window: from inclusive, to exclusive, to the millisecond', async () => {
    const exact = await readConversation(ALICE_BOB, { from: at(50) * 1000, to: at(100) * 1000 });
    expect(exact.messages.map((m) => m.messageId).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => c2cKey(50 + i)).sort(),
    );
    const inside = await readConversation(ALICE_BOB, { from: at(50) * 1000 + 1, to: at(100) * 1000 + 1 });
    expect(inside.messages.map((m) => m.messageId).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => c2cKey(51 + i)).sort(),
    );
  });

  it('reads a group newest first in pages of 20, the recalled message marked, and stops before the window', async () => {
    const all = await readConversation(GROUP, everything);
    // 65 seeded and one live message.
    expect(recalledGroup).toBe(`group-r:${GROUP_COUNT + 1}`);
    expect(all.pages).toBe(Math.ceil((GROUP_COUNT + 1) / 20));
    expect(all.messages.map((m) => m.messageId)).toEqual(
      Array.from({ length: GROUP_COUNT + 1 }, (_, i) => `group-r:${GROUP_COUNT + 1 - i}`),
    );
    expect(all.messages.filter((m) => m.recalled).map((m) => m.messageId)).toEqual([recalledGroup]);
    expect(all.messages[0]).toMatchObject({ conversation: { type: 'group', id: 'group-r' }, to: 'group-r' });
    // The item as read: group_msg_get_simple names no group.
    expect(all.messages[0]?.raw).not.toHaveProperty('GroupId');

    const ctx = countingContext();
    // Messages 20..39 are seqs 21..40: on the second page (seqs 46..27) and the third (26..7).
    const part = await readConversation(GROUP, { from: at(20) * 1000, to: at(40) * 1000 }, ctx);
    expect(part.messages.map((m) => m.messageId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `group-r:${40 - i}`),
    );
    // The third page reaches before the window: no fourth call.
    expect(ctx.calls.get('group_open_http_svc/group_msg_get_simple')).toBe(3);
  });

  it('reads a chat room as a chat room', async () => {
    const { messages } = await readConversation({ type: 'chatroom', id: 'room-r' }, everything);
    expect(messages.map((m) => [m.messageId, m.conversation.type])).toEqual([
      ['room-r:3', 'chatroom'],
      ['room-r:2', 'chatroom'],
      ['room-r:1', 'chatroom'],
    ]);
  });

  it('turns what it reads into the events the callbacks would have produced', async () => {
    const reads = await Promise.all([
      readConversation(ALICE_BOB, { from: at(9) * 1000, to: at(11) * 1000 }),
      readConversation(ALICE_BOB, live),
      readConversation(GROUP, { from: at(3) * 1000, to: at(5) * 1000 }),
      readConversation(GROUP, live),
    ]);
    const events = reads
      .flatMap((r) => r.messages)
      .flatMap((m) => reconciliation.recoveredEvents(m, { source: 'conversations' }));
    for (const event of events) {
      expect(unifiedEventProblems(event)).toEqual([]);
      expect(event.data.recovered).toEqual({ source: 'conversations' });
    }
    expect(events.flatMap(messageKeysOf).sort()).toEqual(
      [
        ...[9, 10].map((i) => `sent:${c2cKey(i)}`),
        `sent:${recalledDirect}`,
        `recalled:${recalledDirect}`,
        ...[4, 5].map((seq) => `sent:group-r:${seq}`),
        `sent:${recalledGroup}`,
        `recalled:${recalledGroup}`,
      ].sort(),
    );
  });

  it('skips holes: messages past the roaming period come back without a body and are left out', async () => {
    // Roaming keeps 7 days (§1.17): 7 days and 30 minutes on, the first 30 minutes' messages have expired.
    clock = (at(0) + 7 * DAY + 30 * 60) * 1000;
    try {
      const ctx = countingContext();
      const { messages } = await readConversation(
        GROUP,
        { from: at(0) * 1000, to: at(GROUP_COUNT) * 1000 },
        ctx,
      );
      // Messages 0..29 (seqs 1..30) are holes; message 30, sent exactly 7 days ago, is still kept.
      const seqs = messages.map((m) => Number(m.messageId.split(':')[1]));
      expect(seqs).toEqual(Array.from({ length: GROUP_COUNT - 30 }, (_, i) => GROUP_COUNT - i));
      expect(messages.every((m) => m.contents.length === 1)).toBe(true);
    } finally {
      clock = NOW;
    }
  });

  it('refuses a direct conversation without the other party', async () => {
    await expect(
      reconciliation.conversationHistory!(
        app.config,
        { type: 'direct', id: 'alice' },
        everything,
        null,
        countingContext(),
      ),
    ).rejects.toThrow('conversation.peer is required');
  });
});
