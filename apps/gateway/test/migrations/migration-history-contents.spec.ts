import { describe, expect, it } from '@jest/globals';
import { EASEMOB_CAPABILITIES } from '@im-gateway/provider-easemob';
import { TENCENT_CAPABILITIES } from '@im-gateway/provider-tencent';
import type { HistoryMessage, MessageContent } from '@im-gateway/types';
import { historyContentsFor } from '../../src/migrations/migration-items.plan.js';

const FILES = 'https://files.example.test/chatfiles';

const message = (...contents: MessageContent[]): HistoryMessage => ({
  messageId: 'm1',
  conversation: { type: 'direct', id: 'bob' },
  from: 'alice',
  to: 'bob',
  sentAt: 1_700_000_000_000,
  contents,
});

// History crosses as the live relay's copies do: the fields the target has no place for are dropped, not
// the message (Easemob's download secret and file names have no Tencent field).
describe('historyContentsFor', () => {
  it.each([
    [
      'an Easemob image with name and secret',
      {
        type: 'image',
        url: `${FILES}/1.png`,
        name: '1.png',
        secret: 's1',
        width: 480,
        height: 640,
        size: 1001,
      },
      { type: 'image', url: `${FILES}/1.png`, width: 480, height: 640, size: 1001 },
    ],
    [
      'an Easemob audio with name and secret',
      { type: 'audio', url: `${FILES}/2.amr`, name: '2.amr', secret: 's2', durationSec: 3, size: 2002 },
      { type: 'audio', url: `${FILES}/2.amr`, durationSec: 3, size: 2002 },
    ],
    [
      'an Easemob file with its secret',
      { type: 'file', url: `${FILES}/4.txt`, name: '4.txt', secret: 's4', size: 14 },
      { type: 'file', url: `${FILES}/4.txt`, name: '4.txt', size: 14 },
    ],
    [
      'an Easemob custom event, carried as Tencent custom data',
      { type: 'custom', event: 'gift', fields: { sku: 'sku1' } },
      {
        type: 'custom',
        data: JSON.stringify({ event: 'gift', fields: { sku: 'sku1' } }),
        description: 'gift',
      },
    ],
  ] as [string, MessageContent, MessageContent][])('imports %s into Tencent', (_name, content, expected) => {
    expect(historyContentsFor(message(content), TENCENT_CAPABILITIES, 'Tencent')).toEqual(message(expected));
  });

  it('leaves out a Tencent face for Easemob and keeps the text beside it', () => {
    const text: MessageContent = { type: 'text', text: 'hi' };
    expect(
      historyContentsFor(message({ type: 'face', index: 1 }, text), EASEMOB_CAPABILITIES, 'Easemob'),
    ).toEqual(message(text));
  });

  it('skips a message none of whose contents the target can take, with the reason', () => {
    expect(historyContentsFor(message({ type: 'face', index: 1 }), EASEMOB_CAPABILITIES, 'Easemob')).toEqual({
      skip: 'Easemob cannot send face messages',
    });
  });
});
