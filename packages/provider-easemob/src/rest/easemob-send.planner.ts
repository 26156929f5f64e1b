import { CapabilityUnsupportedError, ImGatewayError, type SendRequest } from '@im-gateway/types';
import { chunks, type VendorCall } from '@im-gateway/provider-kit';
import { EASEMOB_BATCH_SIZES } from './easemob-api-limits.js';
import type { EasemobMessageBody } from './easemob-message.mapper.js';

/**
 * One vendor call of a send: the API (limit key), its path and body. `recipients` are the ids the answer's
 * `data` is keyed by; `['*']` for a chat-room broadcast.
 */
export interface EasemobCall extends VendorCall {
  path: string;
  body: Record<string, unknown>;
}

const unsupported = (capability: string, why: string) =>
  new CapabilityUnsupportedError(capability, `Easemob cannot honour ${capability}: ${why}`);

/**
 * Splits a send into Easemob calls (easemob.md §2.1–2.2, seed 001) and refuses any option the chosen API
 * cannot honour: `sync_device` exists only for users (groups always sync to the sender, rooms never),
 * `chatroom_msg_level` only for rooms, `routetype: ROUTE_ONLINE` is documented for users and groups.
 */
export function planEasemobCalls(request: SendRequest, message: EasemobMessageBody): EasemobCall[] {
  const { to, options = {} } = request;
  const common: Record<string, unknown> = {
    from: request.from,
    ...(request.ext ? { ext: request.ext } : {}),
  };
  const room = to.type === 'chatroom';
  if (options.priority !== undefined && !room)
    throw unsupported('priority', 'message priority (chatroom_msg_level) exists only for chat rooms.');
  if (options.onlineOnly === true && room)
    throw unsupported('onlineOnly', 'ROUTE_ONLINE is not documented for chat-room messages.');
  if (options.onlineOnly === true) common.routetype = 'ROUTE_ONLINE';
  if (options.priority !== undefined) common.chatroom_msg_level = options.priority;
  if (to.type === 'group' && options.syncToSender === false)
    throw unsupported('syncToSender', 'group messages are always synced to the sender.');
  if (room && options.syncToSender === true)
    throw unsupported('syncToSender', 'chat-room messages are never synced to the sender.');
  const recipients = options.recipients;
  if (recipients !== undefined) {
    if (to.type === 'user')
      throw unsupported('recipients', 'targeted messages exist for groups and chat rooms.');
    if (recipients.length > EASEMOB_BATCH_SIZES.targetedUsers)
      throw new ImGatewayError('validation_failed', 'Easemob targets at most 20 members per message.', [
        { field: 'options.recipients', message: 'Easemob takes at most 20 recipients' },
      ]);
  }

  if ('all' in to) {
    if (recipients !== undefined) throw unsupported('recipients', 'a broadcast reaches whole rooms.');
    const body = { ...common, msg: { type: message.type, ...message.body } };
    return [
      {
        api: 'messages/chatrooms/broadcast',
        path: '/messages/chatrooms/broadcast',
        body,
        recipients: ['*'],
        weight: 1,
      },
    ];
  }
  const payload: Record<string, unknown> = { ...common, type: message.type, body: message.body };
  if (to.type === 'user') {
    if (options.syncToSender !== undefined) payload.sync_device = options.syncToSender;
    return chunks(to.ids, EASEMOB_BATCH_SIZES.users).map((ids) => ({
      api: 'messages/users',
      path: '/messages/users',
      body: { ...payload, to: ids },
      recipients: ids,
      weight: ids.length,
    }));
  }
  const kind = to.type === 'group' ? 'chatgroups' : 'chatrooms';
  if (recipients !== undefined) {
    // Targeted messages take exactly one group or room per call.
    return to.ids.map((id) => ({
      api: `messages/${kind}/users`,
      path: `/messages/${kind}/users`,
      body: { ...payload, to: [id], users: recipients },
      recipients: [id],
      weight: 1,
    }));
  }
  return chunks(to.ids, EASEMOB_BATCH_SIZES[kind]).map((ids) => ({
    api: `messages/${kind}`,
    path: `/messages/${kind}`,
    body: { ...payload, to: ids },
    recipients: ids,
    weight: ids.length,
  }));
}
