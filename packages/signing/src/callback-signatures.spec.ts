import { describe, expect, it } from '@jest/globals';
import { easemobCallbackSignature, tencentCallbackSign } from './callback-signatures.js';

describe('easemobCallbackSignature', () => {
  // Expected digest computed outside the code under test: printf '%s' '<callId><secret><timestamp>' | md5sum
  it('is the lowercase MD5 of callId + secret + timestamp', () => {
    expect(easemobCallbackSignature('XXXX#XXXX_8924312242322', 'my-secret', 1600060847294)).toBe(
      'aa9c1eda1894de4b3f266d6acfc49c93',
    );
  });

  it('treats a numeric and a string timestamp alike', () => {
    expect(easemobCallbackSignature('a_b', 's', '1600060847294')).toBe(
      easemobCallbackSignature('a_b', 's', 1600060847294),
    );
  });

  it('changes with each input', () => {
    const base = easemobCallbackSignature('a#b_1', 'secret', 1);
    expect(easemobCallbackSignature('a#b_2', 'secret', 1)).not.toBe(base);
    expect(easemobCallbackSignature('a#b_1', 'secreT', 1)).not.toBe(base);
    expect(easemobCallbackSignature('a#b_1', 'secret', 2)).not.toBe(base);
  });
});

describe('tencentCallbackSign', () => {
  it('matches the vector of tencent.md §1.2 (Token=xxxxyyyy, RequestTime=1669872112)', () => {
    expect(tencentCallbackSign('xxxxyyyy', 1669872112)).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
    expect(tencentCallbackSign('xxxxyyyy', '1669872112')).toBe(tencentCallbackSign('xxxxyyyy', 1669872112));
  });

  it('differs for another token or time', () => {
    const base = tencentCallbackSign('xxxxyyyy', 1669872112);
    expect(tencentCallbackSign('xxxyyy', 1669872112)).not.toBe(base);
    expect(tencentCallbackSign('xxxxyyyy', 1669872113)).not.toBe(base);
  });
});
