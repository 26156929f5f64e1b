import { describe, expect, it } from '@jest/globals';
import { ImGatewayError } from '@im-gateway/types';
import { dryRunEvent } from './before-policy.dry-run-event.js';

const NOW = '2026-01-01T00:00:00.000Z';
const ok = {
  type: 'message.send.requested',
  conversation: { type: 'group', id: 'g1' },
  actor: 'alice',
  message: {
    from: 'alice',
    contents: [{ type: 'text', text: 'hi' }],
    ext: {},
    mentions: { all: false, users: [] },
  },
};

function fieldOf(event: Record<string, unknown>): string | undefined {
  try {
    dryRunEvent('app', 'easemob', event, NOW, () => 'id-1');
    return undefined;
  } catch (error) {
    if (!(error instanceof ImGatewayError)) throw error;
    expect(error.code).toBe('validation_failed');
    return (error.details as { field: string }[])[0]!.field;
  }
}

describe('dryRunEvent', () => {
  it('completes the envelope and keeps what was given', () => {
    expect(dryRunEvent('app', 'tencent', ok, NOW, () => 'id-1')).toEqual({
      ...ok,
      id: 'id-1',
      appId: 'app',
      provider: 'tencent',
      occurredAt: NOW,
      receivedAt: NOW,
      dedupeKey: 'dry-run:id-1',
      data: {},
      raw: null,
    });
  });

  it.each([
    ['event.type', { ...ok, type: 'message.sent' }],
    ['event.type', { ...ok, type: undefined }],
    ['event.conversation.type', { ...ok, conversation: { type: 'room', id: 'x' } }],
    ['event.conversation.id', { ...ok, conversation: { type: 'group' } }],
    ['event.actor', { ...ok, actor: 7 }],
    ['event.message', { ...ok, message: 'hi' }],
    ['event.message.from', { ...ok, message: { ...ok.message, from: null } }],
    ['event.message.contents', { ...ok, message: { ...ok.message, contents: 'hi' } }],
    [
      'event.message.contents.1',
      { ...ok, message: { ...ok.message, contents: [{ type: 'text', text: 'a' }, 'b'] } },
    ],
    [
      'event.message.contents.0.text',
      { ...ok, message: { ...ok.message, contents: [{ type: 'text', text: 1 }] } },
    ],
    ['event.message.ext', { ...ok, message: { ...ok.message, ext: [] } }],
    ['event.message.mentions', { ...ok, message: { ...ok.message, mentions: { all: 'yes', users: [] } } }],
  ])('refuses a malformed %s, naming it', (field, event) => {
    expect(fieldOf(event as Record<string, unknown>)).toBe(field);
  });
});
