import { describe, expect, it } from '@jest/globals';
import { EASEMOB_CAPABILITIES } from '@im-gateway/provider-easemob';
import { TENCENT_CAPABILITIES } from '@im-gateway/provider-tencent';
import { relayedContent } from './relay-content.js';

const URL_BASE = 'https://files.example.test/chatfiles';

describe('relayedContent', () => {
  it('drops what the target has no place for (an Easemob download secret on Tencent)', () => {
    const out = relayedContent(
      { type: 'file', url: `${URL_BASE}/d.txt`, name: 'd.txt', size: 10, secret: 's' },
      TENCENT_CAPABILITIES,
      'Tencent',
    );
    expect(out).toEqual({
      content: { type: 'file', url: `${URL_BASE}/d.txt`, name: 'd.txt', size: 10 },
      dropped: ['file.secret'],
    });
  });

  it('fills the media fields Tencent requires when the source did not report them', () => {
    const out = relayedContent(
      { type: 'video', url: `${URL_BASE}/v.mov`, thumbnailUrl: `${URL_BASE}/v.jpg` },
      TENCENT_CAPABILITIES,
      'Tencent',
    );
    expect(out).toEqual({
      content: {
        type: 'video',
        url: `${URL_BASE}/v.mov`,
        thumbnailUrl: `${URL_BASE}/v.jpg`,
        size: 0,
        durationSec: 0,
        format: 'mov',
        width: 0,
        height: 0,
      },
      dropped: [],
    });
    const file = relayedContent(
      { type: 'file', url: `${URL_BASE}/report%20q3.pdf` },
      TENCENT_CAPABILITIES,
      'Tencent',
    );
    expect(file).toEqual({
      content: { type: 'file', url: `${URL_BASE}/report%20q3.pdf`, size: 0, name: 'report q3.pdf' },
      dropped: [],
    });
  });

  it('carries an Easemob custom event and fields in Tencent Data, as JSON', () => {
    const out = relayedContent(
      { type: 'custom', event: 'gift', fields: { sku: 'rose' } },
      TENCENT_CAPABILITIES,
      'Tencent',
    );
    expect(out).toEqual({
      content: { type: 'custom', data: '{"event":"gift","fields":{"sku":"rose"}}', description: 'gift' },
      dropped: [],
    });
  });

  it('carries Tencent custom Data, Desc, Ext and Sound in Easemob fields', () => {
    const out = relayedContent(
      { type: 'custom', data: '{"a":1}', description: 'd', extension: 'e', sound: 's.caf' },
      EASEMOB_CAPABILITIES,
      'Easemob',
    );
    expect(out).toEqual({
      content: {
        type: 'custom',
        fields: { data: '{"a":1}', description: 'd', extension: 'e', sound: 's.caf' },
      },
      dropped: [],
    });
  });

  it('drops image variants and format for Easemob, keeping the url and size', () => {
    const out = relayedContent(
      {
        type: 'image',
        url: `${URL_BASE}/a.png`,
        width: 4,
        height: 3,
        format: 'png',
        variants: [{ kind: 'thumbnail', url: `${URL_BASE}/t.png`, width: 1, height: 1 }],
      },
      EASEMOB_CAPABILITIES,
      'Easemob',
    );
    expect(out).toEqual({
      content: { type: 'image', url: `${URL_BASE}/a.png`, width: 4, height: 3 },
      dropped: ['image.format', 'image.variants'],
    });
  });

  it('skips what the target cannot send at all, saying why', () => {
    expect(relayedContent({ type: 'face', index: 3 }, EASEMOB_CAPABILITIES, 'Easemob')).toEqual({
      skip: 'Easemob cannot send face messages',
    });
    expect(
      relayedContent(
        { type: 'unknown', vendorType: 'TIMRelayElem', raw: {} },
        TENCENT_CAPABILITIES,
        'Tencent',
      ),
    ).toEqual({
      skip: 'the source message holds content the gateway cannot read',
    });
  });

  it.each(['image', 'audio', 'video', 'file'] as const)(
    'skips a %s with no download URL rather than send an attachment nobody can open',
    (type) => {
      for (const [target, name] of [
        [EASEMOB_CAPABILITIES, 'Easemob'],
        [TENCENT_CAPABILITIES, 'Tencent'],
      ] as const)
        expect(relayedContent({ type, url: '' }, target, name)).toEqual({
          skip: `the ${type} has no download URL in the source message`,
        });
    },
  );
});
