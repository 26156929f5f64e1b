import { describe, expect, it } from '@jest/globals';
import type { SendableContent } from '@im-gateway/types';
import { tencentElementContent } from '../callback/tencent-msg-body.normalizer.js';
import { toTencentElement } from './tencent-message.mapper.js';

const URL = 'https://files.example.test/a';

/** Contents as Tencent carries them losslessly; image `format`/`variants` are what the normalizer yields. */
const LOSSLESS: SendableContent[] = [
  { type: 'text', text: 'hi' },
  {
    type: 'image',
    url: URL,
    width: 4,
    height: 3,
    size: 9,
    format: 'png',
    variants: [
      { kind: 'original', url: URL, width: 4, height: 3, size: 9 },
      { kind: 'thumbnail', url: `${URL}-t`, width: 2, height: 1 },
    ],
  },
  { type: 'audio', url: URL, durationSec: 3, size: 100 },
  {
    type: 'video',
    url: URL,
    durationSec: 3,
    size: 100,
    format: 'mp4',
    thumbnailUrl: `${URL}.jpg`,
    width: 4,
    height: 3,
  },
  { type: 'file', url: URL, name: 'a.txt', size: 1 },
  { type: 'location', latitude: 1.5, longitude: -2.25, address: 'here' },
  { type: 'face', index: 7, data: 'abc\u0000\u0001' },
  { type: 'face', index: 0 },
  { type: 'command', action: 'typing' },
  { type: 'custom', data: '{"a":1}', description: 'd', extension: 'e', sound: 's' },
];

describe('Tencent content mapping', () => {
  it.each(LOSSLESS.map((c) => [c.type, c] as const))(
    '%s: the element normalizes back to the same content',
    (_type, content) => {
      expect(tencentElementContent(toTencentElement(content))).toEqual(content);
    },
  );

  it('encodes command as the reserved custom element the normalizer decodes', () => {
    expect(toTencentElement({ type: 'command', action: 'go' })).toEqual({
      MsgType: 'TIMCustomElem',
      MsgContent: { Data: '{"imgw":"command","action":"go"}' },
    });
  });

  it('gives a plain image one original ImageInfoArray entry', () => {
    const element = toTencentElement({ type: 'image', url: URL, width: 4, height: 3 });
    expect(element.MsgContent).toMatchObject({
      ImageFormat: 255,
      ImageInfoArray: [{ Type: 1, Width: 4, Height: 3, URL }],
    });
  });

  it.each([
    [{ type: 'audio', url: URL, durationSec: 1 }, 'content.size'],
    [{ type: 'file', url: URL, size: 1 }, 'content.name'],
    [{ type: 'image', url: URL, width: 1 }, 'content.height'],
    [{ type: 'custom', description: 'd' }, 'content.data'],
    [{ type: 'custom', data: '{"imgw":"command","action":"x"}' }, 'content.data'],
  ] as const)('refuses %j naming %s', (content, field) => {
    expect(() => toTencentElement(content as SendableContent)).toThrow(
      expect.objectContaining({ code: 'validation_failed', details: [expect.objectContaining({ field })] }),
    );
  });

  it.each([
    [{ type: 'file', url: URL, name: 'a', size: 1, secret: 's' }, 'content.file.secret'],
    [{ type: 'custom', data: 'd', fields: { a: 'b' } }, 'content.custom.fields'],
  ] as const)('refuses %j as %s', (content, capability) => {
    expect(() => toTencentElement(content as SendableContent)).toThrow(
      expect.objectContaining({ code: 'capability_unsupported', capability }),
    );
  });
});
