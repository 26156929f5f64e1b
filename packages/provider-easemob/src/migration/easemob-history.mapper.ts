import {
  CapabilityUnsupportedError,
  type HistoryMessage,
  type MessageContent,
  type SendableContent,
} from '@im-gateway/types';
import { isRecord, readNumber, readString } from '@im-gateway/provider-kit/callback';
import { easemobContents } from '../callback/easemob-message-content.js';
import { toEasemobMessage } from '../rest/easemob-message.mapper.js';

const CONVERSATION = { chat: 'direct', groupchat: 'group', chatroom: 'chatroom' } as const;

/**
 * One record of the chat history export (migration facts §2.11) → a history message; null when the record
 * lacks what every record has (id, time, chat type). The current docs say the top-level `from`/`to` are
 * internal and `payload.from`/`payload.to` are the sender and receiver; the 2023 docs used the top level:
 * the payload wins, the top level is the fallback. `raw` is the record as parsed.
 */
export function fromEasemobHistoryRecord(record: unknown): HistoryMessage | null {
  if (!isRecord(record)) return null;
  const id = readString(record.msg_id);
  const sentAt = readNumber(record.timestamp);
  const chatType = readString(record.chat_type) as keyof typeof CONVERSATION | undefined;
  if (id === undefined || sentAt === undefined || chatType === undefined || !(chatType in CONVERSATION))
    return null;
  const payload = isRecord(record.payload) ? record.payload : {};
  const from = readString(payload.from) ?? readString(record.from) ?? '';
  const to = readString(payload.to) ?? readString(record.to) ?? '';
  const ext = isRecord(payload.ext) && Object.keys(payload.ext).length > 0 ? payload.ext : undefined;
  return {
    messageId: id,
    conversation: { type: CONVERSATION[chatType], id: to },
    from,
    to,
    sentAt,
    contents: easemobContents(payload.bodies),
    ...(ext ? { ext } : {}),
    // Kept whole: reconciliation rebuilds the post-send callback from it and stores it as the event's raw.
    raw: record,
  };
}

/** The export file's records: gzip or plain text, one JSON per line or one JSON array (the docs say neither). */
export function easemobExportRecords(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  return trimmed
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

export type EasemobImport =
  { ok: true; kind: 'users' | 'chatgroups'; body: Record<string, unknown> } | { ok: false; reason: string };

/** A Tencent group message id is `{GroupId}:{MsgSeq}` (the contract): its sequence. */
function groupSequence(messageId: string): number | undefined {
  const m = /:(\d+)$/.exec(messageId);
  return m ? Number(m[1]) : undefined;
}

/**
 * `msg_timestamp` for a message: its time in ms. A second-precision source (Tencent) gives several messages
 * the same ms, which Easemob would refuse as not newer than the last; within its second a message is placed
 * by its source sequence (MsgSeq), so order holds and a re-run chooses the same value and dedupes.
 */
export function easemobImportTimestamp(message: HistoryMessage): number {
  if (message.sentAt % 1000 !== 0) return message.sentAt;
  const sequence = message.sequence ?? groupSequence(message.messageId);
  return sequence === undefined ? message.sentAt : message.sentAt + (sequence % 1000);
}

/**
 * The Easemob `ext` of a message: its `ext`, else Tencent's `CloudCustomData` as the live path reads it (the
 * object it holds, or the text under `cloudCustomData`).
 */
function importExt(message: HistoryMessage): Record<string, unknown> | undefined {
  if (message.ext) return message.ext;
  const text = message.cloudCustomData;
  if (text === undefined || text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
  } catch {
    // Not JSON: kept as text below.
  }
  return { cloudCustomData: text };
}

function sendable(content: MessageContent): SendableContent | null {
  return content.type === 'unknown' ? null : (content as SendableContent);
}

/**
 * A history message → the body of `POST /messages/users/import` or `/messages/chatgroups/import` (§2.9,
 * §2.10), or why Easemob cannot take it. `ext` travels as Easemob `ext`, so the relay marker the gateway
 * puts there comes back in any callback and marks the message as an echo.
 */
export function toEasemobImport(message: HistoryMessage): EasemobImport {
  if (message.recalled) return { ok: false, reason: 'The message was recalled at the source.' };
  if (message.conversation.type === 'chatroom')
    return { ok: false, reason: 'Easemob has no chat room message import.' };
  if (message.contents.length !== 1)
    return { ok: false, reason: `An Easemob message has one body; this one has ${message.contents.length}.` };
  const content = sendable(message.contents[0]!);
  if (!content)
    return { ok: false, reason: 'The content has no Easemob equivalent (unknown at the source).' };
  let mapped;
  try {
    mapped = toEasemobMessage(content);
  } catch (error) {
    if (error instanceof CapabilityUnsupportedError) return { ok: false, reason: error.message };
    throw error;
  }
  const group = message.conversation.type === 'group';
  const ext = importExt(message);
  return {
    ok: true,
    kind: group ? 'chatgroups' : 'users',
    body: {
      from: message.from,
      target: group ? message.conversation.id : message.to,
      type: mapped.type,
      body: mapped.body,
      ...(ext ? { ext } : {}),
      msg_timestamp: easemobImportTimestamp(message),
    },
  };
}
