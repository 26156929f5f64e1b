import {
  hashJson,
  isRecord,
  isoFromMillis,
  readId,
  readNumber,
  readString,
} from '@im-gateway/provider-kit/callback';
import {
  CallbackRejectedError,
  type CallbackContext,
  type CallbackRequest,
  type NormalizedCallback,
} from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';
import { normalizeEasemobAck } from './easemob-ack.normalizer.js';
import { classifyEasemobCallback } from './easemob-callback.classifier.js';
import {
  payloadOf,
  unknownDraft,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { EASEMOB_PRESEND_REPLY } from './easemob-callback.reply.js';
import type { EasemobCallbackFamily } from './easemob-callback.types.js';
import { normalizeEasemobEdit } from './easemob-edit.normalizer.js';
import { normalizeEasemobGroupOp } from './easemob-group-op.normalizer.js';
import { normalizeEasemobMessage } from './easemob-message.normalizer.js';
import {
  normalizeEasemobModeration,
  normalizeEasemobOfflinePush,
  normalizeEasemobSensitiveWords,
} from './easemob-moderation.normalizer.js';
import { normalizeEasemobMuc } from './easemob-muc.normalizer.js';
import { normalizeEasemobReaction, normalizeEasemobThread } from './easemob-notify.normalizer.js';
import { normalizeEasemobRoster } from './easemob-roster.normalizer.js';
import { normalizeEasemobUserStatus } from './easemob-user-status.normalizer.js';

type FamilyNormalizer = (input: EasemobNormalizeInput) => EasemobEventDraft[];

const FAMILIES: Readonly<Record<EasemobCallbackFamily, FamilyNormalizer>> = {
  message: normalizeEasemobMessage,
  presend: normalizeEasemobMessage,
  edit: normalizeEasemobEdit,
  recall: normalizeEasemobAck,
  ack: normalizeEasemobAck,
  muc: normalizeEasemobMuc,
  group_op: normalizeEasemobGroupOp,
  roster: normalizeEasemobRoster,
  user_status: normalizeEasemobUserStatus,
  sensitive_words: normalizeEasemobSensitiveWords,
  reaction: normalizeEasemobReaction,
  thread: normalizeEasemobThread,
  offline_push: normalizeEasemobOfflinePush,
  moderation: normalizeEasemobModeration,
  unknown: (input) => [unknownDraft(input, { chatType: readString(input.body.chat_type) })],
};

/** For unknown kinds `data.vendorType` names what the vendor sent (`muc:some_new_op`, a new chat_type). */
function appKeysOf(body: Record<string, unknown>, config: EasemobConfig): string[] {
  const keys = [readString(body.appkey), `${config.orgName}#${config.appName}`];
  return keys.filter((k, i): k is string => k !== undefined && k.length > 0 && keys.indexOf(k) === i);
}

/**
 * Turns one verified Easemob callback into unified event drafts. Pure: the same body and context always
 * give the same result. Throws only `CallbackRejectedError` (a body that is not a JSON object).
 *
 * `dedupeKey` is the vendor's `callId` (unique per callback); reaction and thread callbacks are printed
 * without one, so those fall back to a hash of the body. Pre-send callbacks carry the vendor's allow
 * reply (`{"valid": true}`), so the message is never held up by the gateway.
 */
export function normalizeEasemobCallback(
  request: CallbackRequest,
  context: CallbackContext<EasemobConfig>,
): NormalizedCallback {
  const body = request.body;
  if (!isRecord(body))
    throw new CallbackRejectedError('callback_malformed', 'Easemob callback body must be a JSON object');
  const classification = classifyEasemobCallback(body);
  const input: EasemobNormalizeInput = {
    body,
    payload: payloadOf(body),
    classification,
    appKeys: appKeysOf(body, context.config),
    occurredAt: isoFromMillis(readNumber(body.timestamp)) ?? context.now.toISOString(),
  };
  let drafts = FAMILIES[classification.family](input);
  if (drafts.length === 0) drafts = [unknownDraft(input)];
  const dedupeKey = readId(body.callId) ?? hashJson(body);
  const events = drafts.map((draft, i) => ({
    ...draft,
    dedupeKey: drafts.length > 1 ? `${dedupeKey}#${i + 1}` : dedupeKey,
    raw: body,
  }));
  return {
    dedupeKey,
    vendorKind: classification.kind,
    events,
    ...(classification.family === 'presend' ? { reply: EASEMOB_PRESEND_REPLY } : {}),
  };
}
