import { describe, expect, it } from '@jest/globals';
import { readRelayMarker, RELAY_EXT_KEY } from './relay-marker.js';

const marker = {
  bridgeId: 'b1',
  relayId: 'r1',
  originEventId: 'e1',
  originProvider: 'easemob',
  originMessageId: '1029457500870543736',
  originSentAt: '2024-01-01T00:00:00.000Z',
};

describe('readRelayMarker', () => {
  it('reads a well-formed marker from ext, with or without its optional fields', () => {
    expect(readRelayMarker({ other: 1, [RELAY_EXT_KEY]: marker })).toEqual(marker);
    expect(readRelayMarker({ [RELAY_EXT_KEY]: { ...marker, originEventId: null, role: 'copy' } })).toEqual({
      ...marker,
      originEventId: null,
      role: 'copy',
    });
  });

  it.each([
    ['no ext', undefined],
    ['no marker', { a: 1 }],
    ['a string marker', { [RELAY_EXT_KEY]: 'b1' }],
    ['no bridge id', { [RELAY_EXT_KEY]: { ...marker, bridgeId: '' } }],
    ['no relay id', { [RELAY_EXT_KEY]: { ...marker, relayId: undefined } }],
    ['a numeric origin event', { [RELAY_EXT_KEY]: { ...marker, originEventId: 5 } }],
    ['no origin message', { [RELAY_EXT_KEY]: { ...marker, originMessageId: undefined } }],
  ])('is null for %s', (_label, ext) => {
    expect(readRelayMarker(ext as Record<string, unknown> | undefined)).toBeNull();
  });

  it('drops an unknown role instead of trusting it', () => {
    expect(readRelayMarker({ [RELAY_EXT_KEY]: { ...marker, role: 'admin' } })).not.toHaveProperty('role');
  });
});
