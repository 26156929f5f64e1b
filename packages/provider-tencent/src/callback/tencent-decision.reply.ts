import {
  ImGatewayError,
  type BeforeDecision,
  type CallbackReply,
  type CallbackRequest,
  type MessageContent,
  type ModifiedMessage,
  type NormalizedCallback,
  type SendableContent,
} from '@im-gateway/types';
import { isRecord } from '@im-gateway/provider-kit/callback';
import type { TencentElement } from '../rest/tencent-message.mapper.js';
import { TENCENT_BEFORE_CAPABILITIES } from './tencent-before.capabilities.js';
import { accountsOf } from './tencent-callback.fields.js';
import { tencentOk } from './tencent-callback.reply.js';
import { snsPrevItems } from './tencent-sns.normalizer.js';

/**
 * Unified content → one `TIM*Elem`: the send path's mapper, handed in by the provider so that a modified
 * message is encoded exactly as a sent one (the mapper lives outside the pure callback code).
 */
export type TencentElementEncoder = (content: SendableContent) => TencentElement;

/** ErrorCode 1 blocks every before-callback that can be blocked (tencent.md §1.5). */
const BLOCK = 1;
/**
 * The first code of the range a command passes on to the client with ErrorInfo (tencent.md §1.5): the
 * C2C before-send has 120001–130000, the group before-callbacks 10100–10200. Any code of the range blocks;
 * the first one is used, as the unified decision has a reason but no code.
 */
const REASON_CODES: Readonly<Record<string, number>> = {
  'C2C.CallbackBeforeSendMsg': 120001,
  'Group.CallbackBeforeSendMsg': 10100,
  'Group.CallbackBeforeCreateGroup': 10100,
  'Group.CallbackBeforeApplyJoinGroup': 10100,
  'Group.CallbackBeforeInviteJoinGroup': 10100,
};
/** ResultCode refusing one friend pair: the docs ask for 38000–39000 (tencent.md §1.5). */
const SNS_REFUSED = 38000;
const SNS_PREV = new Set(['Sns.CallbackPrevFriendAdd', 'Sns.CallbackPrevFriendResponse']);
/** A message's MsgBody and CloudCustomData together stay within Tencent's 12 KB message size (§4.3). */
const MAX_MESSAGE_BYTES = 12 * 1024;

const SUPPORT = new Map(TENCENT_BEFORE_CAPABILITIES.commands.map((c) => [c.vendorKind, c]));

/**
 * A decision as Tencent's answer to the before-callback `normalized.vendorKind` (tencent.md §1.4–1.5):
 * - allow: the command's allow reply (`normalized.reply`);
 * - deny: ErrorCode 1, or the command's custom code with the reason as ErrorInfo where the client is shown
 *   one; the Sns pre-callbacks refuse every pair in `ResultItem` instead, because a non-zero top-level code
 *   counts as the app failing and Tencent then lets the request through;
 * - modify: ErrorCode 0 with `MsgBody` and `CloudCustomData` replacing the message (an empty
 *   CloudCustomData when the message is to go out without ext).
 * A command or action `TENCENT_BEFORE_CAPABILITIES` does not declare is refused with
 * `capability_unsupported` rather than answered with something Tencent would not honour.
 */
export function tencentDecisionReply(
  normalized: NormalizedCallback,
  request: CallbackRequest,
  decision: BeforeDecision,
  encode: TencentElementEncoder,
): CallbackReply {
  const command = normalized.vendorKind;
  if (decision.action === 'allow') return normalized.reply ?? tencentOk();
  const support = SUPPORT.get(command);
  if (decision.action === 'deny') {
    if (!support?.deny) throw unsupported(command, 'deny');
    const body = isRecord(request.body) ? request.body : {};
    if (SNS_PREV.has(command)) return snsRefuseAll(body, decision.reason);
    const reasonCode = REASON_CODES[command];
    if (decision.reason !== undefined && reasonCode !== undefined)
      return tencentOk({ ErrorCode: reasonCode, ErrorInfo: decision.reason });
    return tencentOk({ ErrorCode: BLOCK, ErrorInfo: decision.reason ?? '' });
  }
  if (!support || support.modify.length === 0) throw unsupported(command, 'modify');
  const body = isRecord(request.body) ? request.body : {};
  const sent = typeof body['CloudCustomData'] === 'string' ? body['CloudCustomData'] : undefined;
  return tencentOk(modifiedFields(decision.message, encode, sent));
}

/** `ResultItem` with every requested pair refused. */
function snsRefuseAll(body: Record<string, unknown>, reason: string | undefined): CallbackReply {
  const resultItem = accountsOf(snsPrevItems(body), 'To_Account').map((toAccount) => ({
    To_Account: toAccount,
    ResultCode: SNS_REFUSED,
    ResultInfo: reason ?? '',
  }));
  return tencentOk({ ResultItem: resultItem });
}

/** `MsgBody` and `CloudCustomData` of the modified message, as the send path would write them. */
export function modifiedFields(
  message: ModifiedMessage,
  encode: TencentElementEncoder,
  sentCloudCustomData?: string,
): { MsgBody: TencentElement[]; CloudCustomData: string } {
  if (message.contents.length === 0)
    throw new ImGatewayError('validation_failed', 'A modified message needs at least one content.', [
      { field: 'message.contents', message: 'must not be empty' },
    ]);
  const fields = {
    MsgBody: message.contents.map((content, i) => encode(sendable(content, i))),
    CloudCustomData: cloudCustomDataOf(message.ext, sentCloudCustomData),
  };
  const bytes = Buffer.byteLength(JSON.stringify(fields));
  if (bytes > MAX_MESSAGE_BYTES)
    throw new ImGatewayError(
      'payload_too_large',
      `The modified message is ${bytes} bytes; Tencent takes at most ${MAX_MESSAGE_BYTES}.`,
    );
  return fields;
}

/**
 * The send path writes ext as JSON text into CloudCustomData; '' replaces any the sender set. A plain-text
 * CloudCustomData reads as ext `{ cloudCustomData }` (the normalizer's wrapper): left as it was, it is
 * written back as the sender's own text, not as that wrapper in JSON.
 */
function cloudCustomDataOf(ext: ModifiedMessage['ext'], sent: string | undefined): string {
  if (!ext) return '';
  const keys = Object.keys(ext);
  if (sent !== undefined && keys.length === 1 && ext['cloudCustomData'] === sent) return sent;
  return JSON.stringify(ext);
}

function sendable(content: MessageContent, index: number): SendableContent {
  if (content.type === 'unknown')
    throw new ImGatewayError('validation_failed', 'A modified message cannot carry unknown content.', [
      { field: `message.contents.${index}`, message: 'must be a content type Tencent can send' },
    ]);
  return content;
}

function unsupported(command: string, action: 'deny' | 'modify'): ImGatewayError {
  return new ImGatewayError(
    'capability_unsupported',
    `Tencent ${command} cannot ${action}: its reply has no documented way to.`,
  );
}
