import { describe, expect, it } from '@jest/globals';
import { first } from '../../test/tencent-variants.js';

/** Hand-made variants of the vendor shapes (tencent.md §1.6, §2.1); see test/tencent-variants.ts. */
describe('Tencent message bodies', () => {
  describe('message elements', () => {
    const contents = (msgBody: unknown[]) =>
      first('C2C.CallbackAfterSendMsg', { From_Account: 'a', To_Account: 'b', MsgKey: 'k', MsgBody: msgBody })
        .message?.contents;

    it('maps every documented element', () => {
      expect(
        contents([
          { MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } },
          {
            MsgType: 'TIMLocationElem',
            MsgContent: { Desc: 'Shenzhen', Latitude: '22.54', Longitude: 113.93 },
          },
          { MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'content' } },
          {
            MsgType: 'TIMCustomElem',
            MsgContent: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' },
          },
          {
            MsgType: 'TIMSoundElem',
            MsgContent: { Url: 'https://x/a.m4a', UUID: 'u', Size: 62351, Second: 1, Download_Flag: 2 },
          },
          {
            MsgType: 'TIMFileElem',
            MsgContent: {
              Url: 'https://x/f.txt',
              UUID: 'u',
              FileSize: 1773552,
              FileName: 'file:///f.txt',
              Download_Flag: 2,
            },
          },
          {
            MsgType: 'TIMVideoFileElem',
            MsgContent: {
              VideoUrl: 'https://x/v.mp4',
              VideoSize: 1194603,
              VideoSecond: 5,
              VideoFormat: 'mp4',
              ThumbUrl: 'https://x/t.jpg',
              ThumbWidth: 720,
              ThumbHeight: 1280,
            },
          },
        ]),
      ).toEqual([
        { type: 'text', text: 'hi' },
        { type: 'location', latitude: 22.54, longitude: 113.93, address: 'Shenzhen' },
        { type: 'face', index: 1, data: 'content' },
        {
          type: 'custom',
          data: 'message',
          description: 'notification',
          extension: 'url',
          sound: 'dingdong.aiff',
        },
        { type: 'audio', url: 'https://x/a.m4a', size: 62351, durationSec: 1 },
        { type: 'file', url: 'https://x/f.txt', name: 'file:///f.txt', size: 1773552 },
        {
          type: 'video',
          url: 'https://x/v.mp4',
          durationSec: 5,
          size: 1194603,
          format: 'mp4',
          thumbnailUrl: 'https://x/t.jpg',
          width: 720,
          height: 1280,
        },
      ]);
    });

    it('takes the original image as the url and keeps every size as a variant', () => {
      const [image] =
        contents([
          {
            MsgType: 'TIMImageElem',
            MsgContent: {
              UUID: 'u',
              ImageFormat: 1,
              ImageInfoArray: [
                { Type: 1, Size: 1800, Width: 640, Height: 480, URL: 'https://x/o.jpg' },
                { Type: 2, Size: 1000, Width: 320, Height: 240, URL: 'https://x/l.jpg' },
                { Type: 3, Size: 100, Width: 64, Height: 48, URL: 'https://x/t.jpg' },
              ],
            },
          },
        ]) ?? [];
      expect(image).toEqual({
        type: 'image',
        url: 'https://x/o.jpg',
        width: 640,
        height: 480,
        size: 1800,
        format: 'jpg',
        variants: [
          { kind: 'original', url: 'https://x/o.jpg', width: 640, height: 480, size: 1800 },
          { kind: 'large', url: 'https://x/l.jpg', width: 320, height: 240, size: 1000 },
          { kind: 'thumbnail', url: 'https://x/t.jpg', width: 64, height: 48, size: 100 },
        ],
      });
    });

    it('decodes the reserved command encoding of TIMCustomElem', () => {
      expect(
        contents([
          { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"imgw":"command","action":"typing"}' } },
        ]),
      ).toEqual([{ type: 'command', action: 'typing' }]);
      expect(
        contents([
          { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"imgw":"other","action":"typing"}' } },
        ])?.[0]?.type,
      ).toBe('custom');
    });

    it('keeps SDK 2.x/3.x sound elements without Url, and unknown or broken elements as unknown', () => {
      const relay = { MsgType: 'TIMRelayElem', MsgContent: { Title: 't', MsgNum: 2 } };
      expect(
        contents([
          { MsgType: 'TIMSoundElem', MsgContent: { UUID: 'u', Size: 10, Second: 2 } },
          relay,
          'junk',
          { MsgType: 'TIMLocationElem', MsgContent: {} },
        ]),
      ).toEqual([
        { type: 'audio', url: '', size: 10, durationSec: 2 },
        { type: 'unknown', vendorType: 'TIMRelayElem', raw: relay },
        { type: 'unknown', vendorType: '', raw: 'junk' },
        {
          type: 'unknown',
          vendorType: 'TIMLocationElem',
          raw: { MsgType: 'TIMLocationElem', MsgContent: {} },
        },
      ]);
    });
  });
});
