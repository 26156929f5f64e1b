import { describe, expect, it } from '@jest/globals';
import { easemobContent, easemobMentions } from './easemob-message-content.js';

describe('easemobContent', () => {
  it('maps txt to text', () => {
    expect(easemobContent({ type: 'txt', msg: 'hi' })).toEqual({ type: 'text', text: 'hi' });
  });

  it('maps img with url, secret, size and file name', () => {
    expect(
      easemobContent({
        type: 'img',
        url: 'u',
        secret: 's',
        filename: 'a.jpg',
        file_length: '10',
        size: { width: '3', height: 4 },
      }),
    ).toEqual({ type: 'image', url: 'u', secret: 's', name: 'a.jpg', size: 10, width: 3, height: 4 });
  });

  it('reads audio length in both spellings and accepts voice', () => {
    expect(easemobContent({ type: 'audio', url: 'u', length: 4 })).toMatchObject({
      type: 'audio',
      durationSec: 4,
    });
    expect(easemobContent({ type: 'voice', url: 'u', Length: '5' })).toMatchObject({
      type: 'audio',
      durationSec: 5,
    });
  });

  it('maps video with its thumbnail', () => {
    expect(easemobContent({ type: 'video', url: 'u', thumb: 't', thumb_secret: 'ts', length: 10 })).toEqual({
      type: 'video',
      url: 'u',
      durationSec: 10,
      thumbnailUrl: 't',
      thumbnailSecret: 'ts',
    });
  });

  it('maps loc to numbers even when sent as strings', () => {
    expect(easemobContent({ type: 'loc', lat: '39.9', lng: '116.3', addr: 'here' })).toEqual({
      type: 'location',
      latitude: 39.9,
      longitude: 116.3,
      address: 'here',
    });
  });

  it('keeps a location without coordinates as unknown rather than inventing them', () => {
    expect(easemobContent({ type: 'loc', addr: 'here' })).toMatchObject({
      type: 'unknown',
      vendorType: 'loc',
    });
  });

  it('maps cmd to command and custom to custom with both extension forms', () => {
    expect(easemobContent({ type: 'cmd', action: 'sync' })).toEqual({ type: 'command', action: 'sync' });
    expect(
      easemobContent({
        type: 'custom',
        customEvent: 'gift',
        customExts: [{ a: 1 }],
        'v2:customExts': { b: 'x' },
      }),
    ).toEqual({
      type: 'custom',
      event: 'gift',
      fields: { a: '1', b: 'x' },
    });
  });

  it('keeps combine and other types as unknown with the vendor type', () => {
    const combine = { type: 'combine', title: 't' };
    expect(easemobContent(combine)).toEqual({ type: 'unknown', vendorType: 'combine', raw: combine });
    expect(easemobContent('x')).toEqual({ type: 'unknown', vendorType: 'invalid', raw: 'x' });
  });
});

describe('easemobMentions', () => {
  it('reads "ALL" as everyone and arrays as users', () => {
    expect(easemobMentions({ em_at_list: 'ALL' })).toEqual({ all: true, users: [] });
    expect(easemobMentions({ em_at_list: ['u1', 'u2'] })).toEqual({ all: false, users: ['u1', 'u2'] });
    expect(easemobMentions({ em_at_list: ['ALL', 'u1'] })).toEqual({ all: true, users: ['u1'] });
    expect(easemobMentions({})).toBeUndefined();
  });
});
