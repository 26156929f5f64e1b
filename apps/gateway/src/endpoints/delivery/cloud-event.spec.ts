import { describe, expect, it } from '@jest/globals';
import type { UnifiedEvent } from '@im-gateway/types';
import { toCloudEvent } from './cloud-event.js';

const event: UnifiedEvent = {
  id: '01900000-0000-7000-8000-000000000001',
  type: 'message.sent',
  provider: 'tencent',
  appId: 'app1',
  occurredAt: '2024-01-01T00:00:00.123Z',
  receivedAt: '2024-01-01T00:00:00.200Z',
  dedupeKey: 'k',
  conversation: { type: 'group', id: 'g1' },
  actor: 'u1',
  data: { clientIp: '1.2.3.4' },
  raw: { a: 1 },
};

describe('toCloudEvent', () => {
  it('puts the envelope in CloudEvents attributes and the rest in data', () => {
    expect(toCloudEvent(event)).toEqual({
      specversion: '1.0',
      id: event.id,
      source: '/apps/app1',
      type: 'message.sent',
      subject: 'group/g1',
      time: '2024-01-01T00:00:00.123Z',
      datacontenttype: 'application/json',
      improvider: 'tencent',
      data: {
        receivedAt: event.receivedAt,
        dedupeKey: 'k',
        conversation: { type: 'group', id: 'g1' },
        actor: 'u1',
        data: { clientIp: '1.2.3.4' },
        raw: { a: 1 },
      },
    });
  });

  it('has no subject when the event has no conversation', () => {
    const { conversation: _c, ...rest } = event;
    expect(toCloudEvent(rest)).not.toHaveProperty('subject');
  });
});
