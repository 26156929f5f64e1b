import {
  CapabilityUnsupportedError,
  failedRecipient,
  ImGatewayError,
  VendorRequestError,
  type RecallRequest,
  type RecipientResult,
  type SendRequest,
  type SendResult,
  type VendorCallContext,
} from '@im-gateway/types';
import { TENCENT_BATCH_SIZE, TENCENT_MAX_TARGETED } from './tencent-api-limits.js';
import { toTencentElement } from './tencent-message.mapper.js';
import { randomUint32, type TencentRestClient } from './tencent-rest.client.js';

const PRIORITIES = { high: 'High', normal: 'Normal', low: 'Low' } as const;

const unsupported = (capability: string, why: string) =>
  new CapabilityUnsupportedError(capability, `Tencent cannot honour ${capability}: ${why}`);

interface TencentCall {
  api: string;
  body: Record<string, unknown>;
  recipients: string[];
  weight: number;
  results: (answer: Record<string, unknown>) => RecipientResult[];
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
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
          body: { ...common, To_Account: id, MsgRandom: randomUint32() },
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

/** Sends one message; a call failing after retries fails its recipients, all calls failing throws. */
export async function sendTencentMessage(
  client: TencentRestClient,
  request: SendRequest,
  context: VendorCallContext,
): Promise<SendResult> {
  const calls = planTencentCalls(request);
  const recipients: RecipientResult[] = [];
  const errors: unknown[] = [];
  for (const call of calls) {
    try {
      const answer = await context.call(call.api, call.weight, async (timeoutMs) => {
        const result = await client.post(call.api, call.body, timeoutMs);
        // OK but dropped by the per-group rate control (tencent.md §4.2): a rate limit, so retried.
        if (result.MsgDropReason === 'MsgFreqCtrl')
          throw new VendorRequestError(
            'vendor_rate_limited',
            'Tencent dropped the message (MsgFreqCtrl).',
            'MsgFreqCtrl',
          );
        return result;
      });
      recipients.push(...call.results(answer));
    } catch (error) {
      errors.push(error);
      recipients.push(...call.recipients.map((r) => failedRecipient(r, error)));
    }
  }
  if (errors.length === calls.length) throw errors[0];
  return { recipients };
}

/** `admin_msgwithdraw` for 1:1 messages, `group_msg_recall` for groups (tencent.md §4.2). */
export async function recallTencentMessage(
  client: TencentRestClient,
  request: RecallRequest,
  context: VendorCallContext,
): Promise<void> {
  if (request.to.type === 'chatroom')
    throw new CapabilityUnsupportedError(
      'recall',
      'AVChatRoom messages cannot be recalled (tencent.md §4.2).',
    );
  if (request.to.type === 'user') {
    const api = 'openim/admin_msgwithdraw';
    const body = { From_Account: request.from, To_Account: request.to.id, MsgKey: request.vendorMessageId };
    try {
      await context.call(api, 1, (timeoutMs) => client.post(api, body, timeoutMs));
    } catch (error) {
      // 20023: already recalled — the wanted state.
      if (!(error instanceof VendorRequestError && error.vendorCode === '20023')) throw error;
    }
    return;
  }
  const api = 'group_open_http_svc/group_msg_recall';
  const msgSeq = Number(request.vendorMessageId.slice(request.vendorMessageId.lastIndexOf(':') + 1));
  const body = { GroupId: request.to.id, MsgSeqList: [{ MsgSeq: msgSeq }] };
  const answer = await context.call(api, 1, (timeoutMs) => client.post(api, body, timeoutMs));
  const ret = (Array.isArray(answer.RecallRetList) ? answer.RecallRetList : []) as Record<string, unknown>[];
  const code = Number(ret[0]?.RetCode ?? 0);
  if (code !== 0)
    throw new VendorRequestError(
      'vendor_rejected',
      `Tencent did not recall the message (${code}).`,
      String(code),
    );
}
