import { isObject } from '../common/http-helpers.js';
import { invalidBody, sendError, type EasemobErrorReply } from './easemob-errors.js';

export type EasemobSendKind = 'users' | 'chatgroups' | 'chatgroups/users' | 'chatrooms' | 'chatrooms/users';

export interface EasemobOutgoing {
  from: string;
  to: string[];
  type: string;
  body: Record<string, unknown>;
  ext?: Record<string, unknown>;
  users?: string[];
}

// Recipients per call (easemob.md §2.1; seed 001: 10 chatrooms, one room and ≤ 20 users when targeted).
const MAX_TO: Record<EasemobSendKind, number> = {
  users: 600,
  chatgroups: 3,
  'chatgroups/users': 1,
  chatrooms: 10,
  'chatrooms/users': 1,
};
const MAX_TARGETED_USERS = 20;
// Body + ext ≤ 5 KB for every type (easemob.md §2.2, seed 001 提示).
const MAX_CONTENT_BYTES = 5 * 1024;
const CUSTOM_EVENT = /^[a-zA-Z0-9\-_/.]{1,32}$/;
const PRIORITIES = new Set(['high', 'normal', 'low']);

const isString = (v: unknown): v is string => typeof v === 'string';
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const attachment = (b: Record<string, unknown>) =>
  nonEmpty(b['url']) && optional(b['filename'], isString) && optional(b['secret'], isString);

/** Required and typed fields of `body` per message type (easemob.md §2.3, seed 001 per-type tables). */
const BODY_RULES: Record<string, (b: Record<string, unknown>) => boolean> = {
  txt: (b) => isString(b['msg']),
  img: (b) =>
    attachment(b) &&
    optional(
      b['size'],
      (s) => isObject(s) && optional(s['width'], isNumber) && optional(s['height'], isNumber),
    ),
  audio: (b) => attachment(b) && optional(b['length'], isNumber),
  video: (b) =>
    attachment(b) &&
    optional(b['thumb'], isString) &&
    optional(b['length'], isNumber) &&
    optional(b['file_length'], isNumber) &&
    optional(b['thumb_secret'], isString),
  file: (b) => attachment(b),
  // Strings in REST requests (numbers only appear in callbacks).
  loc: (b) => isString(b['lat']) && isString(b['lng']) && isString(b['addr']),
  cmd: (b) => nonEmpty(b['action']),
  custom: (b) =>
    optional(b['customEvent'], (e) => isString(e) && CUSTOM_EVENT.test(e)) &&
    optional(
      b['customExts'],
      (x) => isObject(x) && Object.keys(x).length <= 16 && Object.values(x).every(isString),
    ),
};

export const EASEMOB_MESSAGE_TYPES = Object.keys(BODY_RULES);

/** Whether `body` has the required and typed fields of `type` (shared by send and import). */
export function validBody(type: string, body: Record<string, unknown>): boolean {
  const rule = BODY_RULES[type];
  return rule !== undefined && rule(body);
}

export { MAX_CONTENT_BYTES };

function idList(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.every(nonEmpty) ? value : null;
}

/**
 * Checks one message (a send request, or a broadcast's `msg` turned into `type` + `body`) in the
 * order of the vendor's error table (easemob.md §2.6).
 */
export function validateMessageFields(
  input: Record<string, unknown>,
  toLimit: number | null,
): { ok: true; value: EasemobOutgoing } | { ok: false; error: EasemobErrorReply } {
  const fail = (error: EasemobErrorReply) => ({ ok: false as const, error });
  // `from` omitted → admin; present but empty → refused (§2.2).
  const from = input['from'] === undefined ? 'admin' : input['from'];
  if (!nonEmpty(from)) return fail(sendError("param from can't be empty"));
  let to: string[] = [];
  if (toLimit !== null) {
    const list = idList(input['to']);
    if (!list) return fail(sendError("param to can't be empty"));
    if (list.length > toLimit) return fail(sendError(`params to's size can't exceed limit ${toLimit}`));
    to = list;
  }
  if (!nonEmpty(input['type'])) return fail(sendError("param type can't be empty"));
  const type = input['type'];
  const rule = BODY_RULES[type];
  if (!rule) return fail(invalidBody());
  const body = input['body'];
  if (!isObject(body) || (Object.keys(body).length === 0 && type !== 'custom')) {
    return fail(sendError("param body can't be empty"));
  }
  const ext = input['ext'];
  // `ext` must be a JSON object; `null` is explicitly refused (§2.2).
  if (ext !== undefined && !isObject(ext)) return fail(sendError('param ext must be JSONObject'));
  if (!rule(body)) return fail(invalidBody());
  const level = input['chatroom_msg_level'];
  if (level !== undefined && !(isString(level) && PRIORITIES.has(level))) return fail(invalidBody());
  const size = Buffer.byteLength(JSON.stringify(body)) + (ext ? Buffer.byteLength(JSON.stringify(ext)) : 0);
  if (size > MAX_CONTENT_BYTES) return fail(sendError('message is too large', 14007));
  const value: EasemobOutgoing = { from, to, type, body };
  if (ext) value.ext = ext;
  return { ok: true, value };
}

export function validateSend(
  raw: unknown,
  kind: EasemobSendKind,
): { ok: true; value: EasemobOutgoing } | { ok: false; error: EasemobErrorReply } {
  if (!isObject(raw)) return { ok: false, error: invalidBody() };
  const result = validateMessageFields(raw, MAX_TO[kind]);
  if (!result.ok) return result;
  if (kind === 'chatgroups/users' || kind === 'chatrooms/users') {
    const users = idList(raw['users']);
    if (!users) return { ok: false, error: sendError("param users can't be empty") };
    if (users.length > MAX_TARGETED_USERS) {
      return { ok: false, error: sendError(`params users's size can't exceed limit ${MAX_TARGETED_USERS}`) };
    }
    result.value.users = users;
  }
  return result;
}

/** `/messages/chatrooms/broadcast` carries the content as `msg: { type, ...body }` (seed 001). */
export function validateBroadcast(
  raw: unknown,
): { ok: true; value: EasemobOutgoing } | { ok: false; error: EasemobErrorReply } {
  if (!isObject(raw)) return { ok: false, error: invalidBody() };
  const msg = raw['msg'];
  if (!isObject(msg)) return { ok: false, error: sendError("param msg can't be empty") };
  const { type, ...body } = msg;
  return validateMessageFields({ ...raw, type, body }, null);
}
