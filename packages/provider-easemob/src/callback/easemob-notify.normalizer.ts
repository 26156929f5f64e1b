import { isRecord, isoFromMillis, readId, readNumber, readString } from '@im-gateway/provider-kit/callback';
import type { EventType } from '@im-gateway/types';
import { compact, type EasemobEventDraft, type EasemobNormalizeInput } from './easemob-callback.context.js';
import { plainEasemobId } from './easemob-ids.js';
import { easemobContents } from './easemob-message-content.js';

function reactionSummary(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  return compact({
    reaction: readString(value.reaction),
    count: readNumber(value.count),
    users: Array.isArray(value.userList) ? value.userList.filter((u) => typeof u === 'string') : undefined,
    ops: Array.isArray(value.op) ? value.op : undefined,
  });
}

/** The user whose reaction operation this is: the first `op[].operator`, else the item's `from`. */
function reactionOperator(item: Record<string, unknown>): unknown {
  const reactions = Array.isArray(item.reactions) ? item.reactions : [];
  for (const r of reactions)
    if (isRecord(r) && Array.isArray(r.op))
      for (const op of r.op) if (isRecord(op) && readString(op.operator)) return op.operator;
  return item.from;
}

/**
 * Reaction callbacks (`notify` + `payload.type: reaction`, seed 000 §Reaction 回调事件): `payload.data[]`
 * holds one entry per message whose reactions changed, so each entry is one event.
 */
export function normalizeEasemobReaction(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const { payload } = input;
  const items = Array.isArray(payload.data) ? payload.data.filter(isRecord) : [];
  const entries = items.length > 0 ? items : [{}];
  return entries.map((item) => {
    const channelType = readString(item.channel_type) ?? readString(payload.channel_type);
    const actor = plainEasemobId(reactionOperator(item) ?? input.body.from, input.appKeys);
    const from = plainEasemobId(item.from, input.appKeys);
    const to = plainEasemobId(item.to, input.appKeys);
    const conversationId = channelType === 'groupchat' ? to : from;
    return {
      type: 'message.reaction.changed' as const,
      occurredAt: isoFromMillis(readNumber(item.ts)) ?? input.occurredAt,
      ...(conversationId
        ? {
            conversation: {
              type: channelType === 'groupchat' ? ('group' as const) : ('direct' as const),
              id: conversationId,
            },
          }
        : {}),
      ...(actor ? { actor } : {}),
      data: compact({
        messageId: readId(item.messageId),
        channelType,
        from,
        to,
        reactions: Array.isArray(item.reactions)
          ? item.reactions.map(reactionSummary).filter(Boolean)
          : undefined,
        operationCount: readNumber(payload.num),
      }),
    };
  });
}

const THREAD_TYPES: Readonly<Record<string, EventType>> = {
  create: 'thread.created',
  destroy: 'thread.destroyed',
  delete: 'thread.destroyed',
};

/**
 * Thread callbacks (`notify` + `payload.type: thread`, seed 003). The documented operation is
 * `update_msg` (a message in the thread was sent, recalled or edited) → `thread.updated`; a payload that
 * says `create` / `destroy` / `delete` gets the matching type.
 */
export function normalizeEasemobThread(input: EasemobNormalizeInput): EasemobEventDraft[] {
  const data = isRecord(input.payload.data) ? input.payload.data : {};
  const operation = readString(data.operation);
  const threadId = readId(data.id);
  const parentId = readId(data.muc_parent_id);
  const actor = plainEasemobId(data.from, input.appKeys);
  const last = isRecord(data.last_message) ? data.last_message : undefined;
  const lastPayload = last && isRecord(last.payload) ? last.payload : {};
  return [
    {
      type:
        (operation !== undefined && Object.hasOwn(THREAD_TYPES, operation)
          ? THREAD_TYPES[operation]
          : undefined) ?? 'thread.updated',
      occurredAt: isoFromMillis(readNumber(data.timestamp)) ?? input.occurredAt,
      ...(threadId
        ? { conversation: { type: 'thread' as const, id: threadId, ...(parentId ? { parentId } : {}) } }
        : {}),
      ...(actor ? { actor } : {}),
      data: compact({
        operation,
        name: readString(data.name),
        messageCount: readNumber(data.message_count),
        parentMessageId: readId(data.msg_parent_id),
        lastMessage: last
          ? compact({
              id: readId(last.id),
              from: plainEasemobId(last.from, input.appKeys),
              sentAt: isoFromMillis(readNumber(last.timestamp)),
              contents: easemobContents(lastPayload.bodies),
              ext: isRecord(lastPayload.ext) ? lastPayload.ext : undefined,
            })
          : undefined,
      }),
    },
  ];
}
