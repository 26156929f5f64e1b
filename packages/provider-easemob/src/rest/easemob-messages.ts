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

/**
 * Sends one message: maps the content, splits the recipients into vendor-sized calls and makes them one
 * after the other through the gateway's limiter. A call that fails after its retries fails its
 * recipients; when every call failed, the first error is thrown (nothing was sent).
 */
export async function sendEasemobMessage(
  client: EasemobRestClient,
  request: SendRequest,
  context: VendorCallContext,
): Promise<SendResult> {
  const calls = planEasemobCalls(request, toEasemobMessage(request.content));
  const recipients: RecipientResult[] = [];
  const errors: unknown[] = [];
  for (const call of calls) {
    try {
      const answer = await context.call(call.api, call.weight, (timeoutMs) =>
        client.post(call.path, call.body, timeoutMs),
      );
      recipients.push(...resultsOf(call, answer));
    } catch (error) {
      errors.push(error);
      recipients.push(...call.recipients.map((r) => failedRecipient(r, error)));
    }
  }
  if (errors.length === calls.length) throw errors[0];
  return { recipients };
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
