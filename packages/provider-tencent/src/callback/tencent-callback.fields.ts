import type { Conversation } from '@im-gateway/types';
import {
  isRecord,
  isoFromMillis,
  isoFromSeconds,
  readAny,
  readId,
  readNumber,
} from '@im-gateway/provider-kit/callback';

/** Shared readers for Tencent bodies. Every one tolerates missing fields and numbers sent as strings (§1.6). */

/** A non-empty id under the first present spelling of a key. */
export function idOf(record: Record<string, unknown>, ...keys: string[]): string | undefined {
  return readId(readAny(record, ...keys));
}

export function numberOf(record: Record<string, unknown>, ...keys: string[]): number | undefined {
  return readNumber(readAny(record, ...keys));
}

/**
 * `EventTime` is documented in ms but printed as a string in many group examples (§1.6), and the push
 * callbacks (S-push) send it in seconds. A value below 1e11 cannot be a plausible time in ms (it would be
 * 1973) but is one in seconds until the year 5138, so the unit is told apart by size.
 */
export function eventTimeIso(body: Record<string, unknown>): string | undefined {
  const value = numberOf(body, 'EventTime');
  return value !== undefined && Math.abs(value) < 1e11 ? isoFromSeconds(value) : isoFromMillis(value);
}

/** `MsgTime` is the message's server time in seconds (C2C and group field tables). */
export function msgTimeIso(body: Record<string, unknown>): string | undefined {
  return isoFromSeconds(numberOf(body, 'MsgTime'));
}

/** The vendor's own time for the event: EventTime (ms) is more precise than MsgTime (s). */
export function vendorTimeIso(body: Record<string, unknown>): string | undefined {
  return eventTimeIso(body) ?? msgTimeIso(body);
}

/**
 * Account ids from a list that is either `[{Member_Account}]`-style objects (the key varies:
 * `Member_Account`, `To_Account`, ...) or plain strings (`Follow` delete sends `To_Account: [string]`).
 */
export function accountsOf(list: unknown, ...keys: string[]): string[] {
  if (!Array.isArray(list)) return [];
  const ids: string[] = [];
  for (const item of list) {
    const id = isRecord(item) ? idOf(item, ...keys) : readId(item);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The list under `key` as records, dropping anything else. */
export function recordsOf(record: Record<string, unknown>, ...keys: string[]): Record<string, unknown>[] {
  const list = readAny(record, ...keys);
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** `[{Key, Value}]` (or lower-case `key`/`value`, §1.6 GroupAttr) as a map of strings. */
export function keyValueMap(
  list: unknown,
  keyKeys: string[],
  valueKeys: string[],
): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: Record<string, unknown> = {};
  for (const item of list) {
    if (!isRecord(item)) continue;
    const key = readId(readAny(item, ...keyKeys));
    if (key !== undefined) out[key] = readAny(item, ...valueKeys) ?? null;
  }
  return out;
}

/** Drops undefined values so that golden files and stored events hold only what the vendor said. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A group conversation, or the topic (`thread`) inside a Community group when `TopicId` is set. */
export function groupConversation(body: Record<string, unknown>): Conversation | undefined {
  const groupId = idOf(body, 'GroupId');
  const topicId = idOf(body, 'TopicId');
  if (topicId !== undefined) return compact({ type: 'thread' as const, id: topicId, parentId: groupId });
  return groupId === undefined ? undefined : { type: 'group', id: groupId };
}

/**
 * A direct conversation as the receiver sees it: the id is the other party (unified-event.ts).
 */
export function directConversation(otherParty: string | undefined): Conversation | undefined {
  return otherParty === undefined ? undefined : { type: 'direct', id: otherParty };
}

/** Fields most group callbacks share: the group type (`Public`, `Community`, ...). */
export function groupData(body: Record<string, unknown>): Record<string, unknown> {
  return compact({
    groupId: idOf(body, 'GroupId'),
    groupType: idOf(body, 'Type'),
    topicId: idOf(body, 'TopicId'),
  });
}

/** The body without `CallbackCommand`, for callbacks whose fields have no common home (alerts, moderation). */
export function detailsOf(body: Record<string, unknown>): Record<string, unknown> {
  const { CallbackCommand: _ignored, ...rest } = body;
  return rest;
}
