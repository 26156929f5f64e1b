import { describe, expect, it } from '@jest/globals';
import { EventEntity } from '@im-gateway/persistence';
import { RELAY_EXT_KEY, type RelayMarker, type RelayOrigin, type UnifiedEvent } from '@im-gateway/types';
import { markEchoes, type EchoEvidence } from './echo-marker.js';

const APP = 'app_b';
const BRIDGE = 'brg_1';

function row(id: string, body: Partial<UnifiedEvent>): EventEntity {
  const event = { id, appId: APP, provider: 'tencent', data: {}, ...body } as UnifiedEvent;
  return Object.assign(new EventEntity(), { id, type: event.type, body: event });
}

function sent(id: string, messageId: string, marker?: Partial<RelayMarker>): EventEntity {
  const ext = marker
    ? {
        [RELAY_EXT_KEY]: {
          bridgeId: BRIDGE,
          relayId: 'rly_1',
          originEventId: 'evt_origin',
          originProvider: 'easemob',
          originMessageId: 'em_1',
          ...marker,
        },
      }
    : undefined;
  return row(id, {
    type: 'message.sent',
    message: {
      id: messageId,
      from: 'u1',
      to: 'u2',
      sentAt: '2026-01-01T00:00:00.000Z',
      contents: [{ type: 'text', text: 'hi' }],
      ext,
    },
  });
}

const recalled = (id: string, ...messageIds: string[]) =>
  row(id, { type: 'message.recalled', data: { messageIds } });

/** The relay tables as facts: relays whose marker holds for a message id, recall relays by message id. */
function evidence(holds: Record<string, string>, recalls: Record<string, RelayOrigin> = {}): EchoEvidence {
  return {
    markerHolds: async (_appId, marker, messageId) => holds[marker.relayId] === messageId,
    recallRelayOf: async (_appId, messageId) => recalls[messageId] ?? null,
  };
}

const origin: RelayOrigin = {
  bridgeId: BRIDGE,
  relayId: 'rly_1',
  originEventId: 'evt_origin',
  originProvider: 'easemob',
};

describe('markEchoes', () => {
  it('marks a relayed copy with data.relay and leaves the input row unchanged', async () => {
    const input = sent('evt_1', 'tc_1', {});
    const marked = await markEchoes(APP, [BRIDGE], [input], evidence({ rly_1: 'tc_1' }));
    expect(marked.echoes.get('evt_1')).toEqual({ origin });
    expect(marked.events[0]!.body.data.relay).toEqual(origin);
    expect(marked.events[0]).toBeInstanceOf(EventEntity);
    expect(input.body.data.relay).toBeUndefined();
  });

  it('does not take a pasted marker for an echo: the relay produced another message', async () => {
    const input = sent('evt_1', 'tc_other', {});
    const marked = await markEchoes(APP, [BRIDGE], [input], evidence({ rly_1: 'tc_1' }));
    expect(marked.echoes.size).toBe(0);
    expect(marked.events[0]).toBe(input);
  });

  it('ignores a marker of a bridge the app is not on', async () => {
    const input = sent('evt_1', 'tc_1', { bridgeId: 'brg_elsewhere' });
    const marked = await markEchoes(APP, [BRIDGE], [input], evidence({ rly_1: 'tc_1' }));
    expect(marked.echoes.size).toBe(0);
  });

  it("counts a dual-send's source-side copy as an echo without a relay mark", async () => {
    const input = sent('evt_1', 'tc_1', { role: 'origin', originEventId: null });
    const marked = await markEchoes(APP, [BRIDGE], [input], evidence({ rly_1: 'tc_1' }));
    expect(marked.echoes.get('evt_1')).toEqual({ origin: null });
    expect(marked.events[0]).toBe(input);
    expect(input.body.data.relay).toBeUndefined();
  });

  it('marks a recall only when every message it names was recalled by a relay', async () => {
    const facts = evidence({}, { tc_1: origin });
    const all = await markEchoes(APP, [BRIDGE], [recalled('evt_r1', 'tc_1')], facts);
    expect(all.echoes.get('evt_r1')).toEqual({ origin });
    expect(all.events[0]!.body.data.relay).toEqual(origin);
    const some = await markEchoes(APP, [BRIDGE], [recalled('evt_r2', 'tc_1', 'tc_2')], facts);
    expect(some.echoes.size).toBe(0);
    expect(some.events[0]!.body.data.relay).toBeUndefined();
  });

  it('asks nothing for an app on no bridge', async () => {
    const refuse: EchoEvidence = {
      markerHolds: () => Promise.reject(new Error('asked')),
      recallRelayOf: () => Promise.reject(new Error('asked')),
    };
    const events = [sent('evt_1', 'tc_1', {}), recalled('evt_r', 'tc_1')];
    const marked = await markEchoes(APP, [], events, refuse);
    expect(marked.events).toBe(events);
    expect(marked.echoes.size).toBe(0);
  });

  it('keeps the order and the unmarked rows of a mixed callback', async () => {
    const plain = sent('evt_0', 'tc_0');
    const echo = sent('evt_1', 'tc_1', {});
    const marked = await markEchoes(APP, [BRIDGE], [plain, echo], evidence({ rly_1: 'tc_1' }));
    expect(marked.events.map((e) => e.id)).toEqual(['evt_0', 'evt_1']);
    expect(marked.events[0]).toBe(plain);
    expect([...marked.echoes.keys()]).toEqual(['evt_1']);
  });
});
