import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

const box = new SecretBox(randomBytes(32));

describe('SecretBox', () => {
  it('round-trips a value and never repeats a ciphertext', () => {
    const a = box.sealJson({ clientSecret: 's3cret' }, 'app:1');
    const b = box.sealJson({ clientSecret: 's3cret' }, 'app:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(box.openJson(a, 'app:1')).toEqual({ clientSecret: 's3cret' });
  });

  it('refuses a ciphertext moved to another row', () => {
    expect(() => box.open(box.seal('x', 'app:1'), 'app:2')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = box.seal('hello', 'app:1');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => box.open(parts.join('.'), 'app:1')).toThrow();
  });

  it('refuses another key', () => {
    expect(() => new SecretBox(randomBytes(32)).open(box.seal('x', 'a'), 'a')).toThrow();
  });
});
