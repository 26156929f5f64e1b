import { EventEntity, InboundCallbackEntity, newId, type DeliveryEntity } from '@im-gateway/persistence';
import type { UnifiedEvent } from '@im-gateway/types';

/** The conversation, users and text of every test event: recognisable at a glance in a receiver's log. */
const TEST_TEXT = 'A test event from im-gateway: this endpoint receives events.';

/**
 * A `message.sent` event made up by the gateway to try an endpoint: a whole unified event, so a receiver
 * parses and verifies it like any other, marked `data.test: true` (and `raw.test`) so it can tell it from a
 * real message. It is stored like one (the event and its delivery are what the attempt log shows) behind a
 * callback row of kind `gateway.test`, since every event refers to the callback that brought it.
 */
export function testEventRows(
  app: { id: string; provider: string },
  now: string,
): { callback: InboundCallbackEntity; event: EventEntity } {
  const id = newId();
  const dedupeKey = `gateway-test:${id}`;
  const raw = { test: true, text: TEST_TEXT };
  const body: UnifiedEvent = {
    id,
    type: 'message.sent',
    provider: app.provider,
    appId: app.id,
    occurredAt: now,
    receivedAt: now,
    dedupeKey,
    conversation: { type: 'direct', id: 'imgw-test-receiver' },
    actor: 'imgw-test-sender',
    message: {
      id: `test-${id}`,
      from: 'imgw-test-sender',
      to: 'imgw-test-receiver',
      sentAt: now,
      contents: [{ type: 'text', text: TEST_TEXT }],
    },
    data: { test: true },
    raw,
  };
  const callback = Object.assign(new InboundCallbackEntity(), {
    id: newId(),
    appId: app.id,
    provider: app.provider,
    dedupeKey,
    vendorKind: 'gateway.test',
    verdict: 'accepted',
    rawBody: JSON.stringify(raw),
    query: {},
    headers: {},
    eventCount: 1,
    receivedAt: now,
  });
  const event = Object.assign(new EventEntity(), {
    id,
    appId: app.id,
    callbackId: callback.id,
    provider: app.provider,
    type: body.type,
    dedupeKey,
    conversationType: 'direct',
    conversationId: 'imgw-test-receiver',
    actor: 'imgw-test-sender',
    occurredAt: now,
    receivedAt: now,
    body,
  });
  return { callback, event };
}

export type TestEventDelivery = Pick<DeliveryEntity, 'id' | 'eventId'>;
