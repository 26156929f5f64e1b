import {
  CapabilityUnsupportedError,
  failedRecipient,
  VendorRequestError,
  type RecallRequest,
  type RecipientResult,
  type SendRequest,
  type SendResult,
  type VendorCallContext,
} from '@im-gateway/types';
import { sendVendorCalls } from '@im-gateway/provider-kit';
import type { EasemobAnswer } from './easemob-http.js';
import { toEasemobMessage } from './easemob-message.mapper.js';
import type { EasemobRestClient } from './easemob-rest.client.js';
import { planEasemobCalls, type EasemobCall } from './easemob-send.planner.js';

/** The broadcast answer `data.id` is a bare number beyond double precision (seed 001): read it from the text. */
function broadcastId(answer: EasemobAnswer): string | undefined {
  return /"data"\s*:\s*\{\s*"id"\s*:\s*"?(\d+)"?/.exec(answer.text)?.[1];
}

function resultsOf(call: EasemobCall, answer: EasemobAnswer): RecipientResult[] {
  const data = (answer.body.data ?? {}) as Record<string, unknown>;
  return call.recipients.map((recipient) => {
    const id = recipient === '*' ? broadcastId(answer) : data[recipient];
    return typeof id === 'string' && id !== ''
      ? { recipient, status: 'sent' as const, vendorMessageId: id }
      : failedRecipient(
          recipient,
          new VendorRequestError(
            'vendor_rejected',
            'Easemob answered without a message id for this recipient.',
          ),
        );
  });
}

/** Sends one message; a call failing after retries fails its recipients, all calls failing throws. */
export async function sendEasemobMessage(
  client: EasemobRestClient,
  request: SendRequest,
  context: VendorCallContext,
): Promise<SendResult> {
  return sendVendorCalls(
    planEasemobCalls(request, toEasemobMessage(request.content)),
    context,
    (call, timeoutMs) => client.post(call.path, call.body, timeoutMs),
    resultsOf,
  );
}

const CHAT_TYPES = { user: 'chat', group: 'groupchat', chatroom: 'chatroom' } as const;

/** `POST /messages/msg_recall` (easemob.md §3.1); `force` also recalls past the console's recall window. */
export async function recallEasemobMessage(
  client: EasemobRestClient,
  request: RecallRequest,
  context: VendorCallContext,
): Promise<void> {
  if (request.to.id === '*')
    throw new CapabilityUnsupportedError(
      'recall',
      'Easemob chat-room broadcasts have no message id to recall.',
    );
  const body = {
    msg_id: request.vendorMessageId,
    to: request.to.id,
    chat_type: CHAT_TYPES[request.to.type],
    from: request.from,
    force: true,
  };
  const answer = await context.call('messages/msg_recall', 1, (timeoutMs) =>
    client.post('/messages/msg_recall', body, timeoutMs),
  );
  const data = answer.body.data as Record<string, unknown> | undefined;
  if (data?.recalled !== 'yes')
    throw new VendorRequestError(
      'vendor_rejected',
      `Easemob did not recall the message: ${String(data?.recalled ?? 'no answer')}.`,
      'message_recall_error',
    );
}
