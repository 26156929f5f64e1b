import {
  CapabilityUnsupportedError,
  failedRecipient,
  ImGatewayError,
  VendorRequestError,
  type RecipientResult,
  type SendRequest,
} from '@im-gateway/types';
import { chunks, type VendorCall } from '@im-gateway/provider-kit';
import { TENCENT_BATCH_SIZE, TENCENT_MAX_TARGETED } from './tencent-api-limits.js';
import { toTencentElement } from './tencent-message.mapper.js';
import { randomUint32 } from './tencent-rest.client.js';

const PRIORITIES = { high: 'High', normal: 'Normal', low: 'Low' } as const;

const unsupported = (capability: string, why: string) =>
  new CapabilityUnsupportedError(capability, `Tencent cannot honour ${capability}: ${why}`);

/** One vendor call of a send: the API (limit key and path), its body, and how its answer reads per recipient. */
export interface TencentCall extends VendorCall {
  body: Record<string, unknown>;
  results: (answer: Record<string, unknown>) => RecipientResult[];
}

const sent = (recipient: string, id: unknown): RecipientResult =>
  typeof id === 'string' && id !== ''
    ? { recipient, status: 'sent', vendorMessageId: id }
    : failedRecipient(
        recipient,
        new VendorRequestError('vendor_rejected', 'Tencent answered without a message id.'),
      );

/** `batchsendmsg` partial failure: `ActionStatus: SomeError` with `ErrorList[{To_Account, ErrorCode}]`. */
function batchResults(ids: string[], answer: Record<string, unknown>): RecipientResult[] {
  const failed = new Map<string, number>();
  for (const e of Array.isArray(answer.ErrorList) ? (answer.ErrorList as Record<string, unknown>[]) : [])
    failed.set(String(e.To_Account), Number(e.ErrorCode));
  return ids.map((id) => {
    const code = failed.get(id);
    if (code === undefined) return sent(id, answer.MsgKey);
    const error = new VendorRequestError(
      'vendor_rejected',
      `Tencent refused this recipient (${code}).`,
      String(code),
    );
    return failedRecipient(id, error);
  });
}

/** Vendor calls for a send (tencent.md §4.2); options a chosen API cannot honour are refused first. */
export function planTencentCalls(request: SendRequest): TencentCall[] {
  const { to, options = {} } = request;
  if ('all' in to) throw unsupported('broadcast', 'there is no API that reaches every chat room.');
  const common: Record<string, unknown> = {
    From_Account: request.from,
    MsgBody: [toTencentElement(request.content)],
    ...(request.ext ? { CloudCustomData: JSON.stringify(request.ext) } : {}),
  };
  if (to.type === 'user') {
    if (options.priority !== undefined) throw unsupported('priority', 'MsgPriority exists only for groups.');
    if (options.recipients !== undefined)
      throw unsupported('recipients', 'targeted messages exist for groups.');
    // SyncOtherMachine 1 = sync to the sender's devices, 2 = don't; MsgLifeTime 0 = online only.
    if (options.syncToSender !== undefined) common.SyncOtherMachine = options.syncToSender ? 1 : 2;
    if (options.onlineOnly === true) common.MsgLifeTime = 0;
    if (to.ids.length === 1) {
      const id = to.ids[0] as string;
      return [
        {
          api: 'openim/sendmsg',
          // MsgSeq and MsgRandom stay the same across retries: Tencent drops a repeat of the same sender,
          // MsgSeq, MsgRandom and content within 120 s (left out, MsgSeq would be new on every call).
          body: { ...common, To_Account: id, MsgSeq: randomUint32(), MsgRandom: randomUint32() },
          recipients: [id],
          weight: 1,
          results: (answer) => [sent(id, answer.MsgKey)],
        },
      ];
    }
    return chunks(to.ids, TENCENT_BATCH_SIZE).map((ids) => ({
      api: 'openim/batchsendmsg',
      body: { ...common, To_Account: ids, MsgRandom: randomUint32() },
      recipients: ids,
      weight: ids.length,
      results: (answer) => batchResults(ids, answer),
    }));
  }
  const room = to.type === 'chatroom';
  if (options.syncToSender === false)
    throw unsupported('syncToSender', 'group messages always reach the sender’s devices.');
  if (options.onlineOnly === true && room)
    throw unsupported('onlineOnly', 'OnlineOnlyFlag is not for AVChatRoom groups.');
  if (options.onlineOnly === true) common.OnlineOnlyFlag = 1;
  if (options.priority !== undefined) common.MsgPriority = PRIORITIES[options.priority];
  if (options.recipients !== undefined) {
    if (room)
      throw unsupported('recipients', 'targeted To_Account is documented for groups, not AVChatRoom.');
    if (options.recipients.length > TENCENT_MAX_TARGETED)
      throw new ImGatewayError('validation_failed', 'Tencent targets at most 50 members per message.', [
        { field: 'options.recipients', message: 'Tencent takes at most 50 recipients' },
      ]);
    common.To_Account = options.recipients;
  }
  return to.ids.map((groupId) => ({
    api: 'group_open_http_svc/send_group_msg',
    // Random stays the same across retries: Tencent drops a repeat of the same content and Random.
    body: { ...common, GroupId: groupId, Random: randomUint32() },
    recipients: [groupId],
    weight: 1,
    // The message's identity is GroupId + MsgSeq, as the callback normalizer spells it.
    results: (answer) => [sent(groupId, `${groupId}:${String(answer.MsgSeq)}`)],
  }));
}
