import { describe, expect, it } from '@jest/globals';
import { isEasemobAppAdmin, parseEasemobId, plainEasemobId } from './easemob-ids.js';

const KEYS = ['org#app'];

describe('parseEasemobId', () => {
  it('extracts the user from a JID with device resource', () => {
    expect(parseEasemobId('org#app_1111@easemob.com/android_8070d7b2-795eb6e63d', KEYS)).toEqual({
      id: '1111',
      resource: 'android_8070d7b2-795eb6e63d',
    });
  });

  it('extracts the user from AppKey_userid@easemob.com', () => {
    expect(plainEasemobId('org#app_tst01@easemob.com', KEYS)).toBe('tst01');
  });

  it('extracts group ids from conference JIDs', () => {
    expect(plainEasemobId('org#app_173556296122369@conference.easemob.com', KEYS)).toBe('173556296122369');
  });

  it('uses the known App Key when org or app names contain underscores', () => {
    expect(plainEasemobId('my_org#my_app_user_1@easemob.com', ['my_org#my_app'])).toBe('user_1');
  });

  it('falls back to the first underscore after # for an unknown App Key', () => {
    expect(plainEasemobId('other#app_u2@easemob.com/ios_x', KEYS)).toBe('u2');
  });

  it('names no user when the user part of a JID is empty', () => {
    expect(parseEasemobId('org#app_@XXXX', KEYS)).toEqual({});
  });

  it('keeps plain ids as they are and numbers as strings', () => {
    expect(plainEasemobId('user1', KEYS)).toBe('user1');
    expect(plainEasemobId(1111, KEYS)).toBe('1111');
  });

  it('names no user when the value is the App Key itself (an app admin action)', () => {
    expect(parseEasemobId('org#app', KEYS)).toEqual({});
  });

  it('returns nothing for empty and non-string values', () => {
    for (const v of ['', null, undefined, {}, [], true]) expect(parseEasemobId(v, KEYS)).toEqual({});
  });
});

describe('isEasemobAppAdmin', () => {
  it('recognises the REST / console operators', () => {
    expect(isEasemobAppAdmin('@ppAdmin')).toBe(true);
    expect(isEasemobAppAdmin('easemob_rest_app_admin')).toBe(true);
    expect(isEasemobAppAdmin('admin')).toBe(false);
  });
});
