import { describe, expect, it } from '@jest/globals';
import { assertSendSupported } from '@im-gateway/types';
import { describeSendCase, refusedCapability, unsupportedSendCases } from '@im-gateway/provider-kit';
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
    expect(refusedCapability(() => assertSendSupported('easemob', EASEMOB_CAPABILITIES, c.request))).toBe(
      c.capability,
    );
    expect(refusedCapability(() => planEasemobCalls(c.request, toEasemobMessage(c.request.content)))).toBe(
      c.capability,
    );
  });
});
