import type { HistoryMessage, MigrationItemResult } from '@im-gateway/types';
import {
  failed,
  inOrder,
  itemError,
  records,
  refused,
  type Json,
  type TencentCall,
} from './tencent-migration.calls.js';
import { groupPage, roamingPage, type RoamingContinuation } from './tencent-conversation.reads.js';
import {
  historyCloudCustomData,
  historyElements,
  tencentImportKey,
  uint32Of,
} from './tencent-history.mapper.js';
import type { TencentElement } from '../rest/tencent-message.mapper.js';

const GROUP_IMPORT_RESULTS: Readonly<Record<number, string>> = {
  10004: 'invalid send time: not after the group creation and its newest message, or not before now',
  80002: 'the message is longer than 12 KB',
};

interface Ready {
  message: HistoryMessage;
  elements: TencentElement[];
}

/** Messages the target takes, and skipped results for the others (recalled, contents it refuses). */
function prepare(messages: readonly HistoryMessage[]): { ready: Ready[]; decided: MigrationItemResult[] } {
  const ready: Ready[] = [];
  const decided: MigrationItemResult[] = [];
  for (const message of messages) {
    const elements = historyElements(message);
    if ('skip' in elements)
      decided.push({ key: message.messageId, status: 'skipped', reason: elements.skip });
    else ready.push({ message, elements });
  }
  return { ready, decided };
}

/** MsgKeys already in the pair's roaming history within [min, max] seconds (admin_getroammsg, §1.17). */
async function roamingKeys(
  call: TencentCall,
  from: string,
  to: string,
  min: number,
  max: number,
): Promise<Set<string>> {
  const keys = new Set<string>();
  const query = { operator: from, peer: to, minTime: min, maxTime: max };
  let after: RoamingContinuation | null = null;
  do {
    const page: Awaited<ReturnType<typeof roamingPage>> = await roamingPage(call, query, after);
    for (const m of page.records) keys.add(String(m.MsgKey));
    after = page.next;
  } while (after !== null);
  return keys;
}

/**
 * One-to-one history with `importmsg` (`SyncFromOldSystem: 2`: no unread count, no push, no callback), one
 * message per call. Tencent dedupes on (MsgSeq, MsgRandom, MsgTimeStamp) silently, so the messages already
 * in the conversation are found first by their MsgKey and answer `exists`.
 */
async function importDirect(call: TencentCall, ready: readonly Ready[], decided: MigrationItemResult[]) {
  const results = [...decided];
  if (ready.length === 0) return results;
  const keyed = ready.map((r) => ({ ...r, key: tencentImportKey(r.message) }));
  const times = keyed.map((k) => k.key.time);
  const first = keyed[0] as (typeof keyed)[number];
  const present = await roamingKeys(
    call,
    first.message.from,
    first.message.to,
    Math.min(...times),
    Math.max(...times),
  );
  const errors: unknown[] = [];
  let attempted = 0;
  for (const { message, elements, key } of keyed) {
    if (present.has(`${key.seq}_${key.random}_${key.time}`)) {
      results.push({ key: message.messageId, status: 'exists' });
      continue;
    }
    const ccd = historyCloudCustomData(message);
    attempted += 1;
    try {
      await call('openim/importmsg', {
        SyncFromOldSystem: 2,
        From_Account: message.from,
        To_Account: message.to,
        MsgSeq: key.seq,
        MsgRandom: key.random,
        MsgTimeStamp: key.time,
        MsgBody: elements,
        ...(ccd !== undefined ? { CloudCustomData: ccd } : {}),
      });
      results.push({ key: message.messageId, status: 'done' });
    } catch (error) {
      errors.push(error);
      results.push(failed(message.messageId, itemError(error)));
    }
  }
  if (attempted > 0 && errors.length === attempted && results.length === errors.length) throw errors[0];
  return results;
}

/** Group messages at or after `since` (seconds), newest first, by (From_Account, time, Random) → MsgSeq. */
async function recentGroupMessages(
  call: TencentCall,
  groupId: string,
  since: number,
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  let upTo: number | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof groupPage>> = await groupPage(call, groupId, upTo);
    for (const m of page.records)
      seen.set(
        `${String(m.From_Account)}|${Number(m.MsgTimeStamp)}|${Number(m.MsgRandom)}`,
        Number(m.MsgSeq),
      );
    const oldest = page.records.at(-1);
    if (page.next === null || !oldest || Number(oldest.MsgTimeStamp) < since) return seen;
    upTo = page.next;
  }
}

/**
 * Group and chat room history with `import_group_msg` (≤ 7 per call, oldest first, only text, face,
 * location and custom elements). Messages already in the group (same sender, second and Random, all chosen
 * from the source) answer `exists` with their MsgSeq.
 */
async function importGroup(
  call: TencentCall,
  groupId: string,
  ready: readonly Ready[],
  decided: MigrationItemResult[],
) {
  const results = [...decided];
  if (ready.length === 0) return results;
  const items = ready.map(({ message, elements }) => {
    const time = Math.floor(message.sentAt / 1000);
    const random = message.random ?? uint32Of(message.messageId);
    return { message, elements, time, random, id: `${message.from}|${time}|${random}` };
  });
  const seen = await recentGroupMessages(call, groupId, Math.min(...items.map((i) => i.time)));
  const todo = items.filter((i) => {
    const seq = seen.get(i.id);
    if (seq !== undefined)
      results.push({ key: i.message.messageId, status: 'exists', targetId: `${groupId}:${seq}` });
    return seq === undefined;
  });
  if (todo.length === 0) return results;
  const MsgList = todo.map(({ message, elements, time, random }) => {
    const ccd = historyCloudCustomData(message);
    return {
      From_Account: message.from,
      SendTime: time,
      Random: random,
      MsgBody: elements,
      ...(ccd !== undefined ? { CloudCustomData: ccd } : {}),
    };
  });
  let answer: Json;
  try {
    answer = await call('group_open_http_svc/import_group_msg', { GroupId: groupId, MsgList });
  } catch (error) {
    if (results.length === 0) throw error;
    return [...results, ...todo.map((t) => failed(t.message.messageId, itemError(error)))];
  }
  const outcomes = records(answer.ImportMsgResult);
  todo.forEach(({ message }, i) => {
    const outcome = outcomes[i];
    const code = Number(outcome?.Result ?? -1);
    if (code === 0)
      results.push({
        key: message.messageId,
        status: 'done',
        targetId: `${groupId}:${Number(outcome?.MsgSeq)}`,
      });
    else
      results.push(
        refused(
          message.messageId,
          code,
          `Tencent refused the message: ${GROUP_IMPORT_RESULTS[code] ?? `result ${code}`}.`,
        ),
      );
  });
  return results;
}

/** Messages of one target conversation, oldest first; one result per message, keyed by messageId. */
export async function importTencentHistory(
  call: TencentCall,
  messages: readonly HistoryMessage[],
): Promise<MigrationItemResult[]> {
  const { ready, decided } = prepare(messages);
  const conversation = messages[0]?.conversation;
  if (!conversation) return [];
  const results =
    conversation.type === 'direct'
      ? await importDirect(call, ready, decided)
      : await importGroup(call, conversation.id, ready, decided);
  return inOrder(
    messages.map((m) => m.messageId),
    results,
  );
}
