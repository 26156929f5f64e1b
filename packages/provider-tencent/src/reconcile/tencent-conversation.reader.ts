import {
  ImGatewayError,
  type HistoryMessage,
  type KnownConversation,
  type MigrationPage,
} from '@im-gateway/types';
import { groupPage, roamingPage, type RoamingContinuation } from '../migration/tencent-conversation.reads.js';
import { tencentHistoryRecordToMessage } from '../migration/tencent-history.mapper.js';
import type { Json, TencentCall } from '../migration/tencent-migration.calls.js';

/** `admin_getroammsg` marks a recalled message with flag bit 8 (§1.17, "0 = normal"). */
const RECALLED_FLAG = 8;
/** `group_msg_get_simple` `IsPlaceMsg` (§1.18): 1 = a hole (deleted or expired, no body), 2 = recalled. */
const HOLE = 1;
const RECALLED = 2;

/** Cursor: where the next page of the conversation starts (`r` roaming continuation, `s` group MsgSeq). */
type Cursor = { r: RoamingContinuation } | { s: number };

const inWindow = (m: HistoryMessage, window: { from: number; to: number }) =>
  m.sentAt >= window.from && m.sentAt < window.to;

async function directPage(
  call: TencentCall,
  conversation: KnownConversation,
  window: { from: number; to: number },
  cursor: Cursor | null,
): Promise<MigrationPage<HistoryMessage>> {
  if (conversation.peer === undefined || conversation.peer === '')
    throw new ImGatewayError(
      'invalid_request',
      'A direct conversation is read from one side: conversation.peer is required',
    );
  // Seconds, both ends inclusive: the first whole second in the window and the last one before `to`.
  const query = {
    operator: conversation.id,
    peer: conversation.peer,
    minTime: Math.ceil(window.from / 1000),
    maxTime: Math.ceil(window.to / 1000) - 1,
  };
  const page = await roamingPage(call, query, cursor !== null && 'r' in cursor ? cursor.r : null);
  const items = page.records.flatMap((record) => {
    const message = tencentHistoryRecordToMessage(record, 'C2C');
    if (!message || !inWindow(message, window)) return [];
    return [(Number(record.MsgFlagBits) & RECALLED_FLAG) !== 0 ? { ...message, recalled: true } : message];
  });
  return { items, next: page.next === null ? null : JSON.stringify({ r: page.next }) };
}

function groupMessage(record: Json, conversation: KnownConversation): HistoryMessage[] {
  const place = Number(record.IsPlaceMsg ?? 0);
  // A hole has no body left to recover; a system message (group tips) is no member's send.
  if (place === HOLE || Number(record.IsSystemMsg ?? 0) === 1) return [];
  const kind = conversation.type === 'chatroom' ? 'chatroom' : 'group';
  const message = tencentHistoryRecordToMessage(record, kind, conversation.id);
  if (!message) return [];
  return [place === RECALLED ? { ...message, recalled: true } : message];
}

async function groupHistoryPage(
  call: TencentCall,
  conversation: KnownConversation,
  window: { from: number; to: number },
  cursor: Cursor | null,
): Promise<MigrationPage<HistoryMessage>> {
  const page = await groupPage(call, conversation.id, cursor !== null && 's' in cursor ? cursor.s : null);
  const items = page.records
    .flatMap((record) => groupMessage(record, conversation))
    .filter((m) => inWindow(m, window));
  // Newest first: once a page reaches before the window, nothing older can be in it.
  const oldest = page.records.at(-1);
  const passed = oldest !== undefined && Number(oldest.MsgTimeStamp) * 1000 < window.from;
  return { items, next: page.next === null || passed ? null : JSON.stringify({ s: page.next }) };
}

/**
 * History of one conversation sent in [from, to) (epoch ms), a page per vendor call, for reconciliation:
 * direct through `admin_getroammsg` from `conversation.id`'s side (§1.17), groups and chat rooms through
 * `group_msg_get_simple` newest first (§1.18). Recalled messages come back with `recalled: true`; holes
 * (deleted or expired) are left out. Each message's `raw` is the record as Tencent sent it: a group record
 * names no group, so the group is the message's `conversation.id`. The cursor is opaque JSON.
 */
export function readTencentConversation(
  call: TencentCall,
  conversation: KnownConversation,
  window: { from: number; to: number },
  cursorText: string | null,
): Promise<MigrationPage<HistoryMessage>> {
  const cursor = cursorText === null ? null : (JSON.parse(cursorText) as Cursor);
  if (window.from >= window.to) return Promise.resolve({ items: [], next: null });
  return conversation.type === 'direct'
    ? directPage(call, conversation, window, cursor)
    : groupHistoryPage(call, conversation, window, cursor);
}
