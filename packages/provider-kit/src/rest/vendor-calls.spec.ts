import { describe, expect, it } from '@jest/globals';
import { VendorRequestError, type VendorCallContext } from '@im-gateway/types';
import { chunks, sendVendorCalls, type VendorCall } from './vendor-calls.js';

/** A limiter that makes each attempt once, as the gateway's does when nothing fails. */
const context: VendorCallContext = {
  appId: 'app',
  deadline: Number.MAX_SAFE_INTEGER,
  call: (_api, _weight, attempt) => attempt(1000),
};
const calls: VendorCall[] = [
  { api: 'a', recipients: ['u1', 'u2'], weight: 2 },
  { api: 'b', recipients: ['u3'], weight: 1 },
];
const sent = (call: VendorCall) =>
  call.recipients.map((recipient) => ({ recipient, status: 'sent' as const, vendorMessageId: 'm' }));

describe('sendVendorCalls', () => {
  it('sends every call and lists every recipient', async () => {
    const result = await sendVendorCalls(calls, context, async () => 'ok', sent);
    expect(result.recipients.map((r) => [r.recipient, r.status])).toEqual([
      ['u1', 'sent'],
      ['u2', 'sent'],
      ['u3', 'sent'],
    ]);
  });

  it('fails the recipients of a failed call and keeps the others', async () => {
    const result = await sendVendorCalls(
      calls,
      context,
      async (call) => {
        if (call.api === 'b') throw new VendorRequestError('vendor_rejected', 'no', '42');
        return 'ok';
      },
      sent,
    );
    expect(result.recipients.at(-1)).toEqual({
      recipient: 'u3',
      status: 'failed',
      error: { code: 'vendor_rejected', message: 'no', vendorCode: '42' },
    });
  });

  it('throws the first error when nothing was sent', async () => {
    const first = new VendorRequestError('vendor_unavailable', 'down');
    let n = 0;
    await expect(
      sendVendorCalls(
        calls,
        context,
        async () => {
          throw n++ === 0 ? first : new Error('second');
        },
        sent,
      ),
    ).rejects.toBe(first);
  });
});

describe('chunks', () => {
  it('slices a list into calls of at most the given size', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
  });
});
