import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './logger.js';

describe('redactUrl', () => {
  it.each([
    ['/health', '/health'],
    ['/cb?SdkAppid=1&Sign=abc&RequestTime=9', '/cb?SdkAppid=1&Sign=[redacted]&RequestTime=9'],
    [
      '/x?signature=a&token=b&access_token=c&api_key=d&usersig=e',
      '/x?signature=[redacted]&token=[redacted]&access_token=[redacted]&api_key=[redacted]&usersig=[redacted]',
    ],
    ['/x?%53ign=a&Client%5Fsecret=b', '/x?%53ign=[redacted]&Client%5Fsecret=[redacted]'],
    ['/x?page=2&Sign&limit=5', '/x?page=2&Sign&limit=5'],
    ['/x?%E0%A4%A=1&token=2#frag', '/x?%E0%A4%A=1&token=[redacted]#frag'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
