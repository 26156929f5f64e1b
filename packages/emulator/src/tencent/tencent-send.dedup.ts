import { crc32 } from 'node:zlib';
import type { TencentApp } from './tencent.types.js';

/**
 * Tencent drops a repeat of a message it has just taken (tencent.md §4.2, notes): one-to-one, the same sender,
 * MsgSeq, MsgRandom and content (CRC32) within 120 s; in a group, the same content and Random within 5
 * minutes. That is what makes a send retried after a lost answer safe, when the caller keeps its MsgSeq and
 * MsgRandom. Two points are not documented, and the emulator takes the reading that drops less: a group
 * repeat is also from the same sender (another member's message is another message), and the repeat is
 * answered what the first call got, with nothing stored, counted or fired for it.
 */
export const C2C_REPEAT_MS = 120_000;
export const GROUP_REPEAT_MS = 300_000;

interface Seen {
  until: number;
  answer: Record<string, unknown>;
}

/** Per app and kind, in the order they were taken: every entry of a map has the same window, so the oldest leaves first. */
const seen = new WeakMap<TencentApp, { c2c: Map<string, Seen>; group: Map<string, Seen> }>();

const content = (body: Record<string, unknown>) => crc32(JSON.stringify(body['MsgBody'] ?? null));

/** The key of a one-to-one send: sender, receiver, MsgSeq, MsgRandom and the content's CRC32. */
export const c2cRepeatKey = (from: string, to: string, seq: number, body: Record<string, unknown>) =>
  `${from}\u0000${to}\u0000${seq}\u0000${String(body['MsgRandom'])}\u0000${content(body)}`;

/** The key of a group send: the group, the sender, Random and the content's CRC32. */
export const groupRepeatKey = (groupId: string, from: string, body: Record<string, unknown>) =>
  `${groupId}\u0000${from}\u0000${String(body['Random'])}\u0000${content(body)}`;

function of(app: TencentApp, kind: 'c2c' | 'group', now: number): Map<string, Seen> {
  let maps = seen.get(app);
  if (!maps) seen.set(app, (maps = { c2c: new Map(), group: new Map() }));
  const map = maps[kind];
  for (const [key, entry] of map) {
    if (entry.until > now) break;
    map.delete(key);
  }
  return map;
}

/** The answer the first of these sends got, when this one repeats it inside the window. */
export function repeatedAnswer(
  app: TencentApp,
  kind: 'c2c' | 'group',
  key: string,
  now: number,
): Record<string, unknown> | undefined {
  return of(app, kind, now).get(key)?.answer;
}

/** Remembers a send taken now and its answer, for the kind's window; returns the answer. */
export function rememberSend(
  app: TencentApp,
  kind: 'c2c' | 'group',
  key: string,
  now: number,
  answer: Record<string, unknown>,
): Record<string, unknown> {
  const map = of(app, kind, now);
  map.delete(key);
  map.set(key, { until: now + (kind === 'c2c' ? C2C_REPEAT_MS : GROUP_REPEAT_MS), answer });
  return answer;
}

/** Forgets an app's recent sends (an emulator reset). */
export function forgetSends(app: TencentApp): void {
  seen.delete(app);
}
