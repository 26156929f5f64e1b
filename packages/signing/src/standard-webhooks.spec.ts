import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
  webhookSignatureHeader,
} from './standard-webhooks.js';

const body = JSON.stringify({ specversion: '1.0', type: 'message.created', data: { text: '你好' } });

function headers(id: string, timestamp: number, signature: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof WebhookVerificationError ? error.reason : `unexpected: ${String(error)}`;
  }
  return undefined;
}

describe('generateWebhookSecret', () => {
  it('returns whsec_ + base64 of the requested number of bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(Buffer.from(generateWebhookSecret(64).slice(6), 'base64')).toHaveLength(64);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('refuses sizes outside 24..64 bytes', () => {
    expect(() => generateWebhookSecret(23)).toThrow(RangeError);
    expect(() => generateWebhookSecret(65)).toThrow(RangeError);
  });
});

describe('signWebhook', () => {
  it('is v1, + base64 HMAC-SHA256 of id.timestamp.body keyed by the decoded secret', () => {
    const key = Buffer.alloc(24, 7);
    const secret = `whsec_${key.toString('base64')}`;
    const expected = createHmac('sha256', key).update(`msg_1.1700000000.${body}`).digest('base64');
    expect(signWebhook({ secret, id: 'msg_1', timestamp: 1700000000, body })).toBe(`v1,${expected}`);
    expect(signWebhook({ secret, id: 'msg_1', timestamp: 1700000000, body: Buffer.from(body) })).toBe(
      `v1,${expected}`,
    );
  });
});

describe('interoperability with the official standardwebhooks library', () => {
  it('the official verify accepts our header for each of two rotated secrets', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = webhookSignatureHeader([oldSecret, newSecret], { id: 'msg_2', timestamp, body });
    expect(signature.split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) {
      expect(new Webhook(secret).verify(body, headers('msg_2', timestamp, signature))).toEqual(
        JSON.parse(body),
      );
    }
    expect(() =>
      new Webhook(generateWebhookSecret()).verify(body, headers('msg_2', timestamp, signature)),
    ).toThrow();
  });

  it('our verify accepts the official sign output', () => {
    const secret = generateWebhookSecret();
    const now = new Date();
    const timestamp = Math.floor(now.getTime() / 1000);
    const signature = new Webhook(secret).sign('msg_3', now, body);
    expect(() =>
      verifyWebhook({ secrets: secret, headers: headers('msg_3', timestamp, signature), body }),
    ).not.toThrow();
  });
});

describe('verifyWebhook', () => {
  const secret = generateWebhookSecret();
  const now = new Date(1700000000 * 1000);
  const timestamp = 1700000000;
  const signature = signWebhook({ secret, id: 'msg_4', timestamp, body });
  const verify = (
    over: Partial<{ id: string; timestamp: number; body: string; signature: string }>,
    at = now,
  ) =>
    reason(() =>
      verifyWebhook({
        secrets: [generateWebhookSecret(), secret],
        headers: headers(over.id ?? 'msg_4', over.timestamp ?? timestamp, over.signature ?? signature),
        body: over.body ?? body,
        now: at,
      }),
    );

  it('accepts the genuine message with any of the active secrets', () => {
    expect(verify({})).toBeUndefined();
  });

  it('refuses a tampered body, id or timestamp', () => {
    expect(verify({ body: body.replace('你好', '再见') })).toBe('signature_mismatch');
    expect(verify({ id: 'msg_5' })).toBe('signature_mismatch');
    expect(verify({ timestamp: timestamp + 1 })).toBe('signature_mismatch');
  });

  it('refuses messages outside the five-minute tolerance either way', () => {
    expect(verify({}, new Date((timestamp + 300) * 1000))).toBeUndefined();
    expect(verify({}, new Date((timestamp + 301) * 1000))).toBe('timestamp_too_old');
    expect(verify({}, new Date((timestamp - 301) * 1000))).toBe('timestamp_too_new');
  });

  it('ignores entries of other versions and refuses missing headers', () => {
    expect(verify({ signature: signature.replace('v1,', 'v2,') })).toBe('signature_mismatch');
    expect(verify({ signature: `v1a,abc ${signature}` })).toBeUndefined();
    expect(reason(() => verifyWebhook({ secrets: secret, headers: {}, body, now }))).toBe('missing_headers');
    expect(verify({ signature: '' })).toBe('missing_headers');
  });

  it('finds headers case-insensitively', () => {
    const upper = {
      'Webhook-Id': 'msg_4',
      'Webhook-Timestamp': String(timestamp),
      'Webhook-Signature': signature,
    };
    expect(reason(() => verifyWebhook({ secrets: secret, headers: upper, body, now }))).toBeUndefined();
  });
});
