import { readId, readString } from '@im-gateway/provider-kit/callback';
import {
  compact,
  unknownDraft,
  userField,
  type EasemobEventDraft,
  type EasemobNormalizeInput,
} from './easemob-callback.context.js';
import { easemobContents } from './easemob-message-content.js';
import { easemobMessage, easemobMessageRoute } from './easemob-message.normalizer.js';

function routeChatType(input: EasemobNormalizeInput): string {
  const chatType = readString(input.body.chat_type);
  return chatType === 'group' ? 'groupchat' : (chatType ?? '');
}

/**
 * Offline-push results (`step: "push"`, easemob.md §4.4): `status` success / fail / error, `target` the
 * user the push was for, `msg_id` the message pushed.
 */
export function normalizeEasemobOfflinePush(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body } = input;
  const target = userField(input, body.target, 'target');
  const status = readString(body.status);
  const data = compact({
    status,
    ok: status === 'success',
    messageId: readId(body.msg_id),
    chatType: readString(body.chat_type),
    channel: readString(body.channel),
    notifierName: readString(body.notifier_name),
    deviceId: readString(body.device_id),
    detail: body.detail,
    ...target.data,
  });
  const subjects = target.id ? { subjects: [target.id] } : {};
  if (!input.classification.known) return [{ ...unknownDraft(input, data), ...subjects }];
  return [{ type: 'message.push.completed', occurredAt: input.occurredAt, ...subjects, data }];
}

/**
 * Content-moderation results (`eventType: "moderation"`, easemob.md §4.4): `moderationResult` PASS /
 * REJECT / EXCHANGE / RECALL; `messageId` is not numeric, so it stays a string.
 */
export function normalizeEasemobModeration(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body } = input;
  const route = easemobMessageRoute(input, routeChatType(input));
  const data = compact({
    result: readString(body.moderationResult),
    messageId: readId(body.messageId) ?? readId(body.msg_id),
    riskType: body.riskType,
    providerResult: body.providerResult,
    ...route.data,
  });
  const where = {
    ...(route.conversation ? { conversation: route.conversation } : {}),
    ...(route.from ? { actor: route.from } : {}),
  };
  if (!input.classification.known) return [{ ...unknownDraft(input, data), ...where }];
  return [{ type: 'message.moderated', occurredAt: input.occurredAt, ...where, data }];
}

/**
 * Sensitive-word interception (`sensitiveWords:intercepted`, seed 000 §敏感词监测 — printed without an
 * example): published as `message.blocked`, with the message when the callback carries one.
 */
export function normalizeEasemobSensitiveWords(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { body, payload } = input;
  const route = easemobMessageRoute(input, routeChatType(input));
  const built = easemobMessage(input, route, easemobContents(payload.bodies), payload.ext);
  const data = compact({
    alertReason: readString(body.alertReason) ?? readString(payload.alertReason),
    messageId: readId(body.msg_id),
    ...route.data,
  });
  const where = {
    ...(route.conversation ? { conversation: route.conversation } : {}),
    ...(route.from ? { actor: route.from } : {}),
  };
  if (!input.classification.known) return [{ ...unknownDraft(input, data), ...where }];
  return [
    {
      type: 'message.blocked',
      occurredAt: input.occurredAt,
      ...where,
      ...('message' in built ? { message: built.message } : {}),
      data,
    },
  ];
}
