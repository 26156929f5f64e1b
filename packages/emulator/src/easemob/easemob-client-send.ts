import { randomUUID } from 'node:crypto';
import { easemobCallbackSignature } from '@im-gateway/signing';
import { askBefore, type BeforeExchange } from '../common/before-callback.js';
import { isObject, parseJson } from '../common/http-helpers.js';
import { validateMessageFields, type EasemobOutgoing } from './easemob-message.validation.js';
import type { EasemobContext } from './easemob.context.js';
import type { EasemobApp } from './easemob.types.js';

/** A message as a client SDK sends it: one recipient user, group or chat room. */
export interface EasemobClientMessage {
  from: string;
  /** The user, group id or chat room id. */
  to: string;
  chat_type: 'chat' | 'groupchat' | 'chatroom';
  /** REST-style content with its type, e.g. `{ "type": "txt", "msg": "hello" }`. */
  body: Record<string, unknown>;
  ext?: Record<string, unknown>;
}

/** What the sending client sees. */
export type EasemobClientSendResult =
  | { delivered: true; msg_id: string; modified: boolean }
  | { delivered: false; msg_id: string; error: string };

/** Control-route input errors (not a vendor answer: the vendor has no such route). */
export class ClientMessageError extends Error {}

const CHAT_TYPES = new Set(['chat', 'groupchat', 'chatroom']);
/** Answers over 1,000 characters are treated as an attack and count as failures (easemob.md §4.2). */
const MAX_ANSWER_CHARS = 1000;
const DEFAULT_WAIT_MS = 200;
// What the sender's SDK shows (easemob.md §4.2).
const DENIED_NO_CODE = 'custom logic denied';
const DENIED_EMPTY_CODE = 'Message blocked by external logic';
const FAILED = 'custom internal error';

/** Checks the control route's body; throws `ClientMessageError` naming what is wrong. */
export function readClientMessage(raw: unknown): {
  message: EasemobClientMessage;
  outgoing: EasemobOutgoing;
} {
  if (!isObject(raw)) throw new ClientMessageError('body must be { from, to, chat_type, body, ext? }');
  const { from, to, chat_type: chatType, body, ext } = raw;
  if (typeof from !== 'string' || from === '') throw new ClientMessageError('from must be a user id');
  if (typeof to !== 'string' || to === '')
    throw new ClientMessageError('to must be a user, group or room id');
  if (typeof chatType !== 'string' || !CHAT_TYPES.has(chatType))
    throw new ClientMessageError('chat_type must be chat, groupchat or chatroom');
  if (!isObject(body) || typeof body['type'] !== 'string')
    throw new ClientMessageError(
      'body must be a message body with its type, e.g. { "type": "txt", "msg": "hi" }',
    );
  const { type, ...content } = body;
  const checked = validateMessageFields(
    { from, type, body: content, ...(ext !== undefined ? { ext } : {}) },
    null,
  );
  if (!checked.ok) throw new ClientMessageError(String(checked.error.body['error_description']));
  const message = raw as unknown as EasemobClientMessage;
  return { message, outgoing: { ...checked.value, to: [to] } };
}

/**
 * A client SDK sending one message: the pre-send callback (when the app has a rule) decides, then the
 * message is delivered like a REST send (log, history, post-send callback) or not at all.
 */
export async function sendAsEasemobClient(
  ctx: EasemobContext,
  app: EasemobApp,
  raw: unknown,
): Promise<EasemobClientSendResult> {
  const { message, outgoing } = readClientMessage(raw);
  const now = ctx.now();
  const msgId = ctx.ids.next(now);
  let sent = outgoing;
  let modified = false;
  if (app.presendUrl) {
    const verdict = await presend(ctx, app, message, outgoing, msgId, now);
    if ('error' in verdict) return { delivered: false, msg_id: msgId, error: verdict.error };
    sent = verdict.message;
    modified = verdict.modified;
  }
  ctx.accept(app, {
    vendor: 'easemob',
    app: app.appKey,
    route: '/_emulator/client-messages',
    id: msgId,
    chatType: message.chat_type,
    from: sent.from,
    to: message.to,
    type: sent.type,
    body: sent.body,
    ext: sent.ext,
    receivedAt: now,
    recalled: false,
    request: message,
  });
  return { delivered: true, msg_id: msgId, modified };
}

type PresendVerdict = { message: EasemobOutgoing; modified: boolean } | { error: string };

/** The pre-send request (presend_txt.json): the payload is the REST-shaped body, `ext` inside it. */
function presendBody(
  app: EasemobApp,
  message: EasemobClientMessage,
  out: EasemobOutgoing,
  msgId: string,
  now: number,
) {
  const callId = `${app.appKey}_${randomUUID()}`;
  return {
    callId,
    timestamp: now,
    chat_type: message.chat_type,
    ...(message.chat_type === 'chat' ? {} : { group_id: message.to }),
    from: out.from,
    to: message.to,
    msg_id: msgId,
    payload: { ...out.body, type: out.type, ...(out.ext ? { ext: out.ext } : {}) },
    security: easemobCallbackSignature(callId, app.presendSecret ?? app.callbackSecret ?? '', now),
  };
}

async function presend(
  ctx: EasemobContext,
  app: EasemobApp,
  message: EasemobClientMessage,
  out: EasemobOutgoing,
  msgId: string,
  now: number,
): Promise<PresendVerdict> {
  const url = app.presendUrl as string;
  const request = presendBody(app, message, out, msgId, now);
  const answer = await askBefore(url, request, app.presendWaitMs ?? DEFAULT_WAIT_MS);
  const exchange = ctx.before.record(
    { vendor: 'easemob', app: app.appKey, kind: 'presend', url, request },
    answer,
  );
  // No retry; non-200, not JSON, no boolean `valid` or too long → the rule's default policy (§4.2).
  const usable = answer.status === 200 && answer.text !== null && answer.text.length <= MAX_ANSWER_CHARS;
  const parsed = usable ? parseJson(answer.text) : { ok: false as const };
  const reply = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  if (!reply || typeof reply['valid'] !== 'boolean') {
    exchange.error ??=
      answer.status === 200 ? 'the answer is not a usable pre-send reply' : 'no usable answer';
    return failure(app, exchange, out);
  }
  if (!reply['valid']) {
    const code = reply['code'];
    const error = code === undefined ? DENIED_NO_CODE : code === '' ? DENIED_EMPTY_CODE : String(code);
    exchange.outcome = 'deny';
    exchange.callerCode = error;
    return { error };
  }
  const change = reply['payload'];
  if (!isObject(change) || Object.keys(change).length === 0) {
    exchange.outcome = 'allow';
    return { message: out, modified: false };
  }
  const changed = applyPayload(app, out, change);
  if (changed === 'refused') {
    exchange.outcome = 'modify-refused';
    return { message: out, modified: false };
  }
  if (changed === 'invalid') {
    exchange.error = 'the modified message is invalid';
    return failure(app, exchange, out);
  }
  exchange.outcome = 'modify';
  return { message: changed, modified: true };
}

function failure(app: EasemobApp, exchange: BeforeExchange, out: EasemobOutgoing): PresendVerdict {
  if (app.presendFailurePolicy === 'block') {
    exchange.outcome = 'failure-block';
    exchange.callerCode = FAILED;
    return { error: FAILED };
  }
  exchange.outcome = 'failure-proceed';
  return { message: out, modified: false };
}

/**
 * The answer's `payload` is the whole message as it is to be delivered, in the request's payload shape
 * (`{ type, ...content, ext }`; `type` defaults to the sent one, no `ext` → delivered without one). Text
 * messages may be changed by default; other types only with `presendModifyAllTypes`; `cmd` never
 * (easemob.md §4.2). A refused change leaves the message as sent.
 */
function applyPayload(
  app: EasemobApp,
  out: EasemobOutgoing,
  change: Record<string, unknown>,
): EasemobOutgoing | 'refused' | 'invalid' {
  const { type = out.type, ext, ...body } = change;
  if (typeof type !== 'string') return 'invalid';
  if (out.type === 'cmd' || type === 'cmd') return 'refused';
  if ((out.type !== 'txt' || type !== 'txt') && app.presendModifyAllTypes !== true) return 'refused';
  const checked = validateMessageFields(
    { from: out.from, type, body, ...(ext !== undefined && ext !== null ? { ext } : {}) },
    null,
  );
  if (!checked.ok) return 'invalid';
  return { ...checked.value, to: out.to };
}
