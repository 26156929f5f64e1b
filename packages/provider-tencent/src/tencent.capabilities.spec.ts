import { describe, expect, it } from '@jest/globals';
import { assertSendSupported } from '@im-gateway/types';
import { describeSendCase, refusedCapability, unsupportedSendCases } from '@im-gateway/provider-kit';
import { TENCENT_CAPABILITIES } from './tencent.capabilities.js';
import { planTencentCalls } from './rest/tencent-send.planner.js';

const cases = unsupportedSendCases(TENCENT_CAPABILITIES, {}).map((c) => [describeSendCase(c), c] as const);

describe('Tencent capabilities', () => {
  it('declare something missing (the cases below are not vacuous)', () => {
    expect(cases.map(([, c]) => c.capability)).toEqual(
      expect.arrayContaining([
        'broadcast',
        'content.custom.event',
        'priority',
        'recipients',
        'onlineOnly',
        'syncToSender',
      ]),
    );
  });

  it.each(cases)('the gateway check and the send planner both refuse %s', (_name, c) => {
    expect(refusedCapability(() => assertSendSupported('tencent', TENCENT_CAPABILITIES, c.request))).toBe(
      c.capability,
    );
    expect(refusedCapability(() => planTencentCalls(c.request))).toBe(c.capability);
  });
});
