import { createHash } from 'node:crypto';
import { ImGatewayError, type HistoryMessage, type SendableContent } from '@im-gateway/types';
import { isRecord, readNumber, readString } from '@im-gateway/provider-kit/callback';
import { tencentMessageExt, tencentMsgBodyContents } from '../callback/tencent-msg-body.normalizer.js';
import { toTencentElement, type TencentElement } from '../rest/tencent-message.mapper.js';

type Json = Record<string, unknown>;

/** Contents `import_group_msg` takes (§1.9); `command` is a marked TIMCustomElem. */
const GROUP_IMPORT_CONTENTS: ReadonlySet<string> = new Set(['text', 'face', 'location', 'custom', 'command']);

/**
 * One message of a `get_history` file (§1.19; `MsgTimestamp` with a lowercase s) → a history message.
 * C2C ids are the MsgKey `{MsgSeq}_{MsgRandom}_{MsgTimestamp}`, group ids `{GroupId}:{MsgSeq}`, as the send
 * path and callbacks name them. `chatroom` says the group is a ChatRoom (Meeting) group. `raw` is the
 * record as parsed. Also reads the per-conversation records (§1.17 `MsgTimeStamp`, `MsgKey`; §1.18 without
 * `GroupId`, given as `knownGroupId`).
 */
export function tencentHistoryRecordToMessage(
  record: Json,
  kind: 'C2C' | 'group' | 'chatroom',
  knownGroupId?: string,
): HistoryMessage | undefined {
  const from = readString(record.From_Account);
  const time = readNumber(record.MsgTimestamp ?? record.MsgTimeStamp);
  const seq = readNumber(record.MsgSeq);
  if (from === undefined || time === undefined || seq === undefined) return undefined;
  const ccd = readString(record.CloudCustomData);
  const ext = tencentMessageExt(record.CloudCustomData);
  const common = {
    from,
    sentAt: time * 1000,
    contents: tencentMsgBodyContents(record.MsgBody),
    ...(ext ? { ext } : {}),
    ...(ccd ? { cloudCustomData: ccd } : {}),
    // Kept whole: reconciliation rebuilds the after-send callback from it and stores it as the event's raw.
    raw: record,
  };
  if (kind === 'C2C') {
    const to = readString(record.To_Account);
    const random = readNumber(record.MsgRandom);
    if (to === undefined || random === undefined) return undefined;
    return {
      // A roaming record (§1.17) carries its MsgKey; a file record (§1.19) only the three parts of it.
      messageId: readString(record.MsgKey) ?? `${seq}_${random}_${time}`,
      conversation: { type: 'direct', id: to },
      to,
      ...common,
      sequence: seq,
      random,
    };
  }
  // group_msg_get_simple items (§1.18) name no group: the reader passes the one it asked for.
  const groupId = readString(record.GroupId) ?? knownGroupId;
  if (groupId === undefined) return undefined;
  return {
    messageId: `${groupId}:${seq}`,
    conversation: { type: kind, id: groupId },
    to: groupId,
    ...common,
  };
}

/** A uint32 drawn from the source id, so a re-run picks the same value and the vendor's dedupe applies. */
export function uint32Of(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0);
}

/**
 * MsgSeq, MsgRandom, MsgTimeStamp for `importmsg` (§1.16). A message read from Tencent keeps its own three
 * (its MsgKey stays the same). Otherwise: seconds from `sentAt`; MsgSeq from the milliseconds (Tencent
 * sorts one second by MsgSeq, so the source order within the second is kept) plus a tiebreak from the id;
 * MsgRandom from the id. All deterministic, so a re-run imports duplicates that the vendor drops.
 */
export function tencentImportKey(message: HistoryMessage): { seq: number; random: number; time: number } {
  const time = Math.floor(message.sentAt / 1000);
  if (message.sequence !== undefined && message.random !== undefined)
    return { seq: message.sequence, random: message.random, time };
  const hash = uint32Of(message.messageId);
  return { seq: (message.sentAt % 1000) * 4096 + (hash % 4096) + 1, random: hash, time };
}

/** The elements of a message, or why the target cannot take it (reported as skipped). */
export function historyElements(message: HistoryMessage): TencentElement[] | { skip: string } {
  if (message.recalled) return { skip: 'recalled at the source' };
  if (message.contents.length === 0) return { skip: 'the message has no content' };
  const group = message.conversation.type !== 'direct';
  const elements: TencentElement[] = [];
  for (const content of message.contents) {
    if (content.type === 'unknown') return { skip: `content ${content.vendorType} has no Tencent element` };
    if (group && !GROUP_IMPORT_CONTENTS.has(content.type))
      return {
        skip: `Tencent group import takes only text, face, location and custom elements, not ${content.type}`,
      };
    try {
      elements.push(toTencentElement(content as SendableContent));
    } catch (error) {
      if (error instanceof ImGatewayError) return { skip: error.message };
      throw error;
    }
  }
  return elements;
}

/** `ext` (with the gateway's relay marker) as CloudCustomData, as the send path carries it; else the source's text. */
export function historyCloudCustomData(message: HistoryMessage): string | undefined {
  const keys = Object.keys(message.ext ?? {});
  // A plain-text CloudCustomData reads back as ext { cloudCustomData }: unchanged, it is written back as it was.
  const plain =
    message.cloudCustomData !== undefined &&
    keys.length === 1 &&
    message.ext?.['cloudCustomData'] === message.cloudCustomData;
  if (message.ext && keys.length > 0 && !plain) return JSON.stringify(message.ext);
  return message.cloudCustomData;
}

export const isJson = (value: unknown): value is Json => isRecord(value);
