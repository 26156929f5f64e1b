import {
  CapabilityUnsupportedError,
  VendorRequestError,
  type RecallRequest,
  type SendRequest,
  type SendResult,
  type VendorCallContext,
} from '@im-gateway/types';
import { sendVendorCalls } from '@im-gateway/provider-kit';
import type { TencentRestClient } from './tencent-rest.client.js';
import { planTencentCalls } from './tencent-send.planner.js';

/** Sends one message; a call failing after retries fails its recipients, all calls failing throws. */
export async function sendTencentMessage(
  client: TencentRestClient,
  request: SendRequest,
  context: VendorCallContext,
): Promise<SendResult> {
  return sendVendorCalls(
    planTencentCalls(request),
    context,
    async (call, timeoutMs) => {
      const result = await client.post(call.api, call.body, timeoutMs);
      // OK but dropped by the per-group rate control (tencent.md §4.2): a rate limit, so retried.
      if (result.MsgDropReason === 'MsgFreqCtrl')
        throw new VendorRequestError(
          'vendor_rate_limited',
          'Tencent dropped the message (MsgFreqCtrl).',
          'MsgFreqCtrl',
        );
      return result;
    },
    (call, answer) => call.results(answer),
  );
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
