import {
  failedRecipient,
  type RecipientResult,
  type SendResult,
  type VendorCallContext,
} from '@im-gateway/types';

/** One vendor call of a send: the API (the key of its limits), the recipients it covers and its weight. */
export interface VendorCall {
  api: string;
  /** The recipients this call covers, as the send's result lists them. */
  recipients: string[];
  /** Messages it counts as against the vendor's message limits. */
  weight: number;
}

/** `list` in slices of at most `size`: one vendor call per slice. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Makes a send's calls one after the other through the gateway's limiter (`context.call`, which paces,
 * times out and retries each attempt). A call that fails after its retries fails its recipients; when every
 * call failed, the first error is thrown, since nothing was sent.
 */
export async function sendVendorCalls<Call extends VendorCall, Answer>(
  calls: readonly Call[],
  context: VendorCallContext,
  attempt: (call: Call, timeoutMs: number) => Promise<Answer>,
  results: (call: Call, answer: Answer) => RecipientResult[],
): Promise<SendResult> {
  const recipients: RecipientResult[] = [];
  const errors: unknown[] = [];
  for (const call of calls) {
    try {
      const answer = await context.call(call.api, call.weight, (timeoutMs) => attempt(call, timeoutMs));
      recipients.push(...results(call, answer));
    } catch (error) {
      errors.push(error);
      recipients.push(...call.recipients.map((r) => failedRecipient(r, error)));
    }
  }
  if (errors.length === calls.length) throw errors[0];
  return { recipients };
}
