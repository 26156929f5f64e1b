import { gunzipSync } from 'node:zlib';
import {
  VendorRequestError,
  type HistoryMessage,
  type MigrationPage,
  type VendorCallContext,
} from '@im-gateway/types';
import type { TencentRestClient } from '../rest/tencent-rest.client.js';
import { TENCENT_CHATROOM_TYPES } from './tencent-directory.mapper.js';
import { tencentHistoryRecordToMessage } from './tencent-history.mapper.js';
import { records, tencentCaller, type Json } from './tencent-migration.calls.js';

const HOUR = 3600;
const PAGE = 1000;
const INFO_GROUPS = 50; // get_group_info per call
/**
 * `MsgTime` hours are Beijing time (UTC+8): not stated in the docs, but the doc's example file for
 * "2015120121" holds a message at 1448974806 = 21:00:06 UTC+8 (migration-apis §1.19).
 */
const MSG_TIME_OFFSET = 8 * HOUR;

interface HistoryCursor {
  /** Start of the hour, epoch seconds. */
  h: number;
  t: 'C2C' | 'Group';
  /** Messages of that file already returned. */
  o: number;
}

/** `YYYYMMDDHH` of the hour starting at `start` (epoch seconds), in UTC+8. */
export function tencentMsgTime(start: number): string {
  const d = new Date((start + MSG_TIME_OFFSET) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}`;
}

/**
 * The documented file layout (§1.19): a header line opening `MsgList`, one message per line followed by a
 * comma, `]}` last. Read line by line as the doc's recipe does, so a large file is not parsed as one value.
 */
export function parseTencentHistoryFile(content: string): Json[] {
  const out: Json[] = [];
  for (const line of content.split('\n').slice(1)) {
    const trimmed = line.trim().replace(/,$/, '');
    if (trimmed === ']}' || trimmed === '') continue;
    out.push(JSON.parse(trimmed) as Json);
  }
  return out;
}

/** One hour's file of one chat type; an hour without a file (1004: none yet, or no messages) is empty. */
async function hourFile(
  client: TencentRestClient,
  ctx: VendorCallContext,
  cursor: HistoryCursor,
): Promise<Json[]> {
  const api = 'open_msg_svc/get_history';
  const body = { ChatType: cursor.t, MsgTime: tencentMsgTime(cursor.h) };
  try {
    // The download belongs to the call: the URL expires, so a retry asks for a fresh one.
    return await ctx.call(api, 1, async (timeoutMs) => {
      const started = Date.now();
      const answer = await client.post(api, body, timeoutMs);
      const out: Json[] = [];
      for (const file of records(answer.File)) {
        const left = Math.max(1, timeoutMs - (Date.now() - started));
        const data = await client.download(String(file.URL), left);
        out.push(...parseTencentHistoryFile(gunzipSync(data).toString('utf8')));
      }
      return out;
    });
  } catch (error) {
    if (error instanceof VendorRequestError && error.vendorCode === '1004') return [];
    if (error instanceof VendorRequestError && error.vendorCode === '1005')
      throw new VendorRequestError(
        'vendor_rejected',
        `Tencent's history file for ${body.MsgTime} (UTC+8) has expired: files are kept 7 days and cannot be rebuilt.`,
        '1005',
      );
    throw error;
  }
}

/** Group types of the groups a page names, `get_group_info` by 50: chat rooms read as `chatroom`. */
async function groupKinds(
  call: ReturnType<typeof tencentCaller>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const kinds = new Map<string, string>();
  for (let i = 0; i < ids.length; i += INFO_GROUPS) {
    const answer = await call('group_open_http_svc/get_group_info', {
      GroupIdList: ids.slice(i, i + INFO_GROUPS),
      ResponseFilter: { GroupBaseInfoFilter: ['Type'] },
    });
    for (const g of records(answer.GroupInfo)) kinds.set(String(g.GroupId), String(g.Type));
  }
  return kinds;
}

/**
 * History in [from, to) from the hourly `get_history` files (§1.19): hour by hour, C2C then Group, at most
 * 1000 messages a page. The cursor is the hour, the chat type and the position in that file.
 */
export async function readTencentHistory(
  client: TencentRestClient,
  ctx: VendorCallContext,
  window: { from: number; to: number },
  cursorText: string | null,
): Promise<MigrationPage<HistoryMessage>> {
  const cursor: HistoryCursor =
    cursorText === null
      ? { h: Math.floor(window.from / 1000 / HOUR) * HOUR, t: 'C2C', o: 0 }
      : (JSON.parse(cursorText) as HistoryCursor);
  if (cursor.h * 1000 >= window.to) return { items: [], next: null };
  const all = await hourFile(client, ctx, cursor);
  const inWindow = all.filter((m) => {
    const ms = Number(m.MsgTimestamp) * 1000;
    return ms >= window.from && ms < window.to;
  });
  const slice = inWindow.slice(cursor.o, cursor.o + PAGE);
  const kinds =
    cursor.t === 'Group'
      ? await groupKinds(tencentCaller(client, ctx), [...new Set(slice.map((m) => String(m.GroupId)))])
      : new Map<string, string>();
  const items = slice
    .map((m) =>
      cursor.t === 'C2C'
        ? tencentHistoryRecordToMessage(m, 'C2C')
        : tencentHistoryRecordToMessage(
            m,
            TENCENT_CHATROOM_TYPES.has(kinds.get(String(m.GroupId)) ?? '') ? 'chatroom' : 'group',
          ),
    )
    .filter((m): m is HistoryMessage => m !== undefined);
  let next: HistoryCursor | null;
  if (cursor.o + PAGE < inWindow.length) next = { ...cursor, o: cursor.o + PAGE };
  else if (cursor.t === 'C2C') next = { h: cursor.h, t: 'Group', o: 0 };
  else next = (cursor.h + HOUR) * 1000 < window.to ? { h: cursor.h + HOUR, t: 'C2C', o: 0 } : null;
  return { items, next: next === null ? null : JSON.stringify(next) };
}
