import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { SendableContent } from '@im-gateway/types';
import { easemobContent } from '../callback/easemob-message-content.js';
import { toEasemobMessage } from './easemob-message.mapper.js';

/** What Easemob's post-send callback carries for a REST body (seed 000): the body plus `type`, loc as numbers. */
function asCallbackBody(content: SendableContent): Record<string, unknown> {
  const { type, body } = toEasemobMessage(content);
  const out: Record<string, unknown> = { ...body, type };
  if (type === 'loc') Object.assign(out, { lat: Number(body.lat), lng: Number(body.lng) });
  if (type === 'custom' && body.customExts) out['v2:customExts'] = body.customExts;
  return out;
}

const text = fc.string({ minLength: 1, maxLength: 20 });
const count = fc.integer({ min: 0, max: 1_000_000 });
const url = text.map((s) => `https://files.example.test/${encodeURIComponent(s)}`);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SendableContent;

const contents: fc.Arbitrary<SendableContent> = fc.oneof(
  text.map((t) => ({ type: 'text' as const, text: t })),
  fc
    .record({
      url,
      name: opt(text),
      width: opt(count),
      height: opt(count),
      size: opt(count),
      secret: opt(text),
    })
    .map((r) => compact({ type: 'image', ...r })),
  fc
    .record({ url, name: opt(text), durationSec: opt(count), size: opt(count), secret: opt(text) })
    .map((r) => compact({ type: 'audio', ...r })),
  fc
    .record({
      url,
      name: opt(text),
      size: opt(count),
      secret: opt(text),
      thumbnailUrl: opt(url),
      width: opt(count),
    })
    .map((r) => compact({ type: 'video', ...r })),
  fc.record({ url, name: opt(text), size: opt(count) }).map((r) => compact({ type: 'file', ...r })),
  fc
    .record({
      latitude: fc.double({ min: -90, max: 90, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      address: text,
    })
    .map((r) => ({
      type: 'location' as const,
      ...r,
      latitude: r.latitude || 0,
      longitude: r.longitude || 0,
    })),
  text.map((action) => ({ type: 'command' as const, action })),
  fc
    .record({
      event: opt(fc.stringMatching(/^[a-z0-9_]{1,32}$/)),
      fields: opt(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), text, { minKeys: 1, maxKeys: 16 })),
    })
    .map((r) => compact({ type: 'custom', ...r })),
);

describe('Easemob content mapping', () => {
  it('is lossless: the callback form of every mapped body normalizes back to the same content', () => {
    fc.assert(
      fc.property(contents, (content) => expect(easemobContent(asCallbackBody(content))).toEqual(content)),
    );
  });

  it('maps each type to the documented REST body (easemob.md §2.3)', () => {
    expect(toEasemobMessage({ type: 'location', latitude: 39.966, longitude: 116.322 })).toEqual({
      type: 'loc',
      body: { lat: '39.966', lng: '116.322', addr: '' },
    });
    expect(toEasemobMessage({ type: 'command', action: 'typing' })).toEqual({
      type: 'cmd',
      body: { action: 'typing' },
    });
    expect(toEasemobMessage({ type: 'image', url: 'https://x.test/a', width: 1, height: 2 })).toEqual({
      type: 'img',
      body: { url: 'https://x.test/a', size: { width: 1, height: 2 } },
    });
  });

  it.each([
    [{ type: 'face', index: 1 }, 'content.face'],
    [{ type: 'image', url: 'https://x.test/a', format: 'png' }, 'content.image.format'],
    [{ type: 'custom', description: 'd' }, 'content.custom.description'],
  ] as const)('refuses %j as %s', (content, capability) => {
    expect(() => toEasemobMessage(content as SendableContent)).toThrow(
      expect.objectContaining({ code: 'capability_unsupported', capability }),
    );
  });
});
