import { describe, expect, it } from '@jest/globals';
import { assertSendSupported, CapabilityUnsupportedError } from '@im-gateway/types';
import { describeSendCase, unsupportedSendCases } from '@im-gateway/provider-kit';
import { EASEMOB_CAPABILITIES } from './easemob.capabilities.js';
import { toEasemobMessage } from './rest/easemob-message.mapper.js';
import { planEasemobCalls } from './rest/easemob-send.planner.js';

const cases = unsupportedSendCases(EASEMOB_CAPABILITIES, {}).map((c) => [describeSendCase(c), c] as const);

describe('Easemob capabilities', () => {
  it('declare something missing (the cases below are not vacuous)', () => {
    expect(cases.map(([, c]) => c.capability)).toEqual(
      expect.arrayContaining(['content.face', 'priority', 'recipients', 'onlineOnly', 'syncToSender']),
    );
  });

  it.each(cases)('the gateway check and the send planner both refuse %s', (_name, c) => {
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof CapabilityUnsupportedError ? error.capability : error;
      }
      return 'accepted';
    };
    expect(refused(() => assertSendSupported('easemob', EASEMOB_CAPABILITIES, c.request))).toBe(c.capability);
    expect(refused(() => planEasemobCalls(c.request, toEasemobMessage(c.request.content)))).toBe(
      c.capability,
    );
  });
});
