import { askBefore, type BeforeExchange } from '../common/before-callback.js';
import { isObject, parseJson } from '../common/http-helpers.js';
import { tencentCallbackUrl } from './tencent-callback.builder.js';
import { refuse, TencentFailure } from './tencent-errors.js';
import { validateMsgBody } from './tencent-msgbody.validation.js';
import type { TencentCall } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentApp } from './tencent.types.js';

/**
 * The before-callbacks the emulator fires (tencent.md §1.5, §2): for the REST operations it performs, and for
 * the client operations its control routes stand for (tencent-client-ops.ts).
 */
export const TENCENT_BEFORE_COMMANDS = [
  'C2C.CallbackBeforeSendMsg',
  'Group.CallbackBeforeSendMsg',
  'Group.CallbackBeforeCreateGroup',
  'Group.CallbackBeforeInviteJoinGroup',
  'Sns.CallbackPrevFriendAdd',
  'Sns.CallbackPrevFriendResponse',
  'Group.CallbackBeforeApplyJoinGroup',
  'Group.CallbackBeforeCreateTopic',
  'OfficialAccount.CallbackBeforeCreateOfficialAccount',
] as const;
export type TencentBeforeCommand = (typeof TENCENT_BEFORE_COMMANDS)[number];

/** How one command reads the answer's ErrorCode (tencent.md §1.5). */
interface ReplyRules {
  /** The code the caller gets for ErrorCode 1; none where 1 refuses nothing (the friend pre-callbacks). */
  denyCode?: number;
  /** The range of app-chosen codes passed on to the caller with ErrorInfo, where the command has one. */
  custom?: [number, number];
  /** Whether ErrorCode 2 drops the event silently (the send commands only). */
  drop: boolean;
}

export const C2C_SEND_RULES: ReplyRules = { denyCode: 20006, custom: [120_001, 130_000], drop: true };
export const GROUP_SEND_RULES: ReplyRules = { denyCode: 10016, custom: [10_100, 10_200], drop: true };
export const GROUP_RULES: ReplyRules = { denyCode: 10016, custom: [10_100, 10_200], drop: false };
/** The topic page documents only 0 (create) and 1 (refuse, 10016). */
export const TOPIC_RULES: ReplyRules = { denyCode: 10016, drop: false };
/** 1 refuses and the caller gets 20006; no app codes are documented. */
export const OFFICIAL_ACCOUNT_RULES: ReplyRules = { denyCode: 20006, drop: false };
/**
 * The friend pre-callbacks refuse pair by pair through `ResultItem[].ResultCode`; a non-zero top-level
 * ErrorCode is the app failing, and the vendor lets the request through (§1.5).
 */
export const SNS_PREV_RULES: ReplyRules = { drop: false };

/** The code the caller gets when the answer fails and the app's policy is "do not deliver" (§1.3). */
const FAILURE_BLOCK_CODE = 80003;

export type TencentBeforeResult =
  /** The callback is not switched on for this app (or the request forbade it): go ahead. */
  | { action: 'off' }
  /** ErrorCode 0, or a failed answer under the "proceed" policy; `reply` is the answer's body, if any. */
  | { action: 'proceed'; reply: Record<string, unknown>; exchange: BeforeExchange }
  /** ErrorCode 2: the caller is told success, nothing happens. */
  | { action: 'drop'; exchange: BeforeExchange };

/**
 * Who asks: a REST call, or a client operation of the control routes (no HTTP request of its own; its
 * `optPlatform` names the client's platform in the callback's query).
 */
export interface TencentCaller {
  app: TencentApp;
  request: { ip: string };
  optPlatform?: string;
}

const DENIED_INFO = 'the request was refused by the app server before-callback';

/**
 * Posts a before-callback (when the app switched it on) and applies the vendor's reading of the answer:
 * refusals throw the caller's error out of the handler; the rest comes back as `proceed` or `drop`.
 * What counts as a failed answer is the vendor's list (tencent.md §1.3): no answer within the wait,
 * HTTP status ≠ 200, a body that is not a JSON object — and here also an ErrorCode the command does not
 * define, as nothing in the docs says what the vendor does with one.
 */
export async function tencentBefore(
  ctx: TencentContext,
  call: TencentCaller,
  command: TencentBeforeCommand,
  body: Record<string, unknown>,
  rules: ReplyRules,
): Promise<TencentBeforeResult> {
  const { app } = call;
  if (!app.callbackUrl || !app.beforeCallbacks?.includes(command)) return { action: 'off' };
  const url = tencentCallbackUrl(app.callbackUrl, app, {
    command,
    clientIp: call.request.ip,
    ...(call.optPlatform !== undefined ? { optPlatform: call.optPlatform } : {}),
  });
  const request = { CallbackCommand: command, ...body };
  const answer = await askBefore(url, request, ctx.beforeTimeoutMs);
  const exchange = ctx.before.record(
    { vendor: 'tencent', app: String(app.sdkAppId), kind: command, url, request },
    answer,
  );
  const parsed = answer.status === 200 ? parseJson(answer.text) : { ok: false as const };
  const reply = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  const code = reply?.['ErrorCode'];
  if (!reply || typeof code !== 'number') return failed(app, exchange, answer.error ?? 'no usable answer');
  const info = typeof reply['ErrorInfo'] === 'string' ? reply['ErrorInfo'] : '';
  if (code === 0) {
    exchange.outcome = 'allow';
    return { action: 'proceed', reply, exchange };
  }
  if (code === 1 && rules.denyCode !== undefined) deny(exchange, rules.denyCode, info || DENIED_INFO);
  if (code === 2 && rules.drop) {
    exchange.outcome = 'drop';
    return { action: 'drop', exchange };
  }
  if (rules.custom && Number.isInteger(code) && code >= rules.custom[0] && code <= rules.custom[1])
    deny(exchange, code, info || DENIED_INFO);
  return failed(app, exchange, `ErrorCode ${code} is not defined for ${command}`);
}

function deny(exchange: BeforeExchange, code: number, info: string): never {
  exchange.outcome = 'deny';
  exchange.callerCode = code;
  refuse(code, info);
}

function failed(app: TencentApp, exchange: BeforeExchange, why: string): TencentBeforeResult {
  exchange.error ??= why;
  if (app.beforeCallbackFailure === 'block') {
    exchange.outcome = 'failure-block';
    exchange.callerCode = FAILURE_BLOCK_CODE;
    refuse(FAILURE_BLOCK_CODE, 'the app server before-callback failed or timed out');
  }
  exchange.outcome = 'failure-proceed';
  return { action: 'proceed', reply: {}, exchange };
}

export const forbidsBeforeCallback = (body: Record<string, unknown>) =>
  Array.isArray(body['ForbidCallbackControl']) &&
  body['ForbidCallbackControl'].includes('ForbidBeforeSendMsgCallback');

export type SendVerdict = { dropped: true } | { dropped: false; call: TencentCall; types: string[] };

/**
 * The before-send callback of sendmsg / send_group_msg. With ErrorCode 0 the answer's `MsgBody` and
 * `CloudCustomData` replace the message's when present (§1.5); the message then goes on as modified:
 * stored, in history, and in the after-send callback. A replacement that is not a valid message counts
 * as a failed answer, as the vendor could not deliver it.
 */
export async function tencentBeforeSend(
  ctx: TencentContext,
  call: TencentCall,
  command: 'C2C.CallbackBeforeSendMsg' | 'Group.CallbackBeforeSendMsg',
  body: Record<string, unknown>,
  types: string[],
): Promise<SendVerdict> {
  if (forbidsBeforeCallback(call.body)) return { dropped: false, call, types };
  const rules = command === 'C2C.CallbackBeforeSendMsg' ? C2C_SEND_RULES : GROUP_SEND_RULES;
  const result = await tencentBefore(ctx, call, command, body, rules);
  if (result.action === 'off') return { dropped: false, call, types };
  if (result.action === 'drop') return { dropped: true };
  const { reply, exchange } = result;
  if (reply['MsgBody'] === undefined && reply['CloudCustomData'] === undefined)
    return { dropped: false, call, types };
  // Either field alone replaces only itself.
  const msgBody = reply['MsgBody'] ?? call.body['MsgBody'];
  const ccd = reply['CloudCustomData'] ?? call.body['CloudCustomData'];
  let modifiedTypes: string[];
  try {
    modifiedTypes = validateMsgBody(msgBody, ccd);
  } catch (error) {
    if (!(error instanceof TencentFailure)) throw error;
    // Refuses with 80003 under the "do not deliver" policy; otherwise the message goes as sent.
    failed(call.app, exchange, `the modified message is invalid: ${error.message}`);
    return { dropped: false, call, types };
  }
  exchange.outcome = 'modify';
  const modified: Record<string, unknown> = { ...call.body, MsgBody: msgBody };
  if (ccd === undefined) delete modified['CloudCustomData'];
  else modified['CloudCustomData'] = ccd;
  return { dropped: false, call: { ...call, body: modified }, types: modifiedTypes };
}
