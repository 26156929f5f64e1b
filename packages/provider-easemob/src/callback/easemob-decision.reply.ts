import {
  ImGatewayError,
  type BeforeDecision,
  type CallbackReply,
  type CallbackRequest,
  type ModifiedMessage,
  type NormalizedCallback,
  type SendableContent,
} from '@im-gateway/types';
import type { EasemobMessageBody } from '../rest/easemob-message.mapper.js';
import { EASEMOB_BEFORE_CAPABILITIES } from './easemob-before.capabilities.js';
import { EASEMOB_PRESEND_REPLY } from './easemob-callback.reply.js';

/**
 * Unified content → Easemob REST body: the send path's mapper, handed in by the provider so that a
 * modified message is written exactly as a sent one (the mapper lives outside the pure callback code).
 */
export type EasemobBodyEncoder = (content: SendableContent) => EasemobMessageBody;

/** Easemob treats a longer answer as an attack (easemob.md §4.2). */
export const EASEMOB_MAX_REPLY_CHARS = 1000;
/** The modified `payload`'s default cap (easemob.md §4.2; 5 KB needs Easemob to enable other types). */
const MAX_PAYLOAD_BYTES = 1024;

const SUPPORT = new Map(EASEMOB_BEFORE_CAPABILITIES.commands.map((c) => [c.vendorKind, c]));

/**
 * A decision as Easemob's answer to a pre-send callback (easemob.md §4.2, vendor example
 * presend_response.json):
 * - allow: `{valid: true}` (the message goes out unchanged);
 * - deny: `{valid: false}`, with the reason as `code` (the error the sender's SDK shows), shortened so that
 *   the answer stays within Easemob's 1,000 characters;
 * - modify: `{valid: true, payload}` with the message in the pre-send request's own shape
 *   (`{type, msg, ext}`); without ext when the message is to go out without one.
 * A command or action `EASEMOB_BEFORE_CAPABILITIES` does not declare is refused with
 * `capability_unsupported`; a payload over Easemob's limits with `payload_too_large`.
 */
export function easemobDecisionReply(
  normalized: NormalizedCallback,
  _request: CallbackRequest,
  decision: BeforeDecision,
  encode: EasemobBodyEncoder,
): CallbackReply {
  const kind = normalized.vendorKind;
  if (decision.action === 'allow') return normalized.reply ?? EASEMOB_PRESEND_REPLY;
  const support = SUPPORT.get(kind);
  if (decision.action === 'deny') {
    if (!support?.deny) throw unsupported(kind, 'deny');
    if (decision.reason === undefined) return { status: 200, body: { valid: false } };
    return { status: 200, body: { valid: false, code: fitReason(decision.reason) } };
  }
  if (!support || support.modify.length === 0) throw unsupported(kind, 'modify');
  const body = { valid: true, payload: easemobPresendPayload(decision.message, encode) };
  const chars = JSON.stringify(body).length;
  if (chars > EASEMOB_MAX_REPLY_CHARS)
    throw new ImGatewayError(
      'payload_too_large',
      `The answer with the modified message is ${chars} characters; Easemob takes at most ${EASEMOB_MAX_REPLY_CHARS}.`,
    );
  return { status: 200, body };
}

/** The modified message as a pre-send `payload`: one REST-shaped body with `type`, plus `ext`. */
export function easemobPresendPayload(
  message: ModifiedMessage,
  encode: EasemobBodyEncoder,
): Record<string, unknown> {
  const [content, ...rest] = message.contents;
  // An Easemob message has exactly one body.
  if (content === undefined || rest.length > 0)
    throw new ImGatewayError('validation_failed', 'An Easemob message has exactly one content.', [
      { field: 'message.contents', message: `has ${message.contents.length} contents, must have 1` },
    ]);
  if (content.type === 'unknown')
    throw new ImGatewayError('validation_failed', 'A modified message cannot carry unknown content.', [
      { field: 'message.contents.0', message: 'must be a content type Easemob can send' },
    ]);
  const encoded = encode(content);
  const payload = { ...encoded.body, type: encoded.type, ...(message.ext ? { ext: message.ext } : {}) };
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new ImGatewayError(
      'payload_too_large',
      `The modified message is ${bytes} bytes; Easemob takes at most ${MAX_PAYLOAD_BYTES} by default.`,
    );
  return payload;
}

/** The reason, cut so that `{"valid":false,"code":"…"}` stays within the answer's 1,000 characters. */
function fitReason(reason: string): string {
  const room = EASEMOB_MAX_REPLY_CHARS - JSON.stringify({ valid: false, code: '' }).length;
  if (JSON.stringify(reason).length - 2 <= room) return reason;
  // Escaped characters (quotes, control characters) take more than one: cut until the JSON fits.
  let cut = reason.slice(0, room - 1);
  while (JSON.stringify(`${cut}…`).length - 2 > room) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function unsupported(kind: string, action: 'deny' | 'modify'): ImGatewayError {
  return new ImGatewayError(
    'capability_unsupported',
    `Easemob ${kind} cannot ${action}: its pre-send answer has no documented way to.`,
  );
}
