import { createHmac, randomBytes } from 'node:crypto';
import { timingSafeEqualString } from './timing-safe-equal.js';

// Standard Webhooks (standardwebhooks.com spec, v1 symmetric scheme): the secret is `whsec_` plus
// base64 key bytes, the signature is `v1,` + base64 HMAC-SHA256 over `${id}.${timestamp}.${body}`,
// several space-separated signatures may be sent during a secret rotation.

const SECRET_PREFIX = 'whsec_';
/** The spec's recommended replay window. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookMessage {
  id: string;
  /** Unix seconds, as sent in `webhook-timestamp`. */
  timestamp: number;
  body: string | Buffer;
}

export interface SignWebhookInput extends WebhookMessage {
  secret: string;
}

export type WebhookVerificationReason =
  'missing_headers' | 'invalid_timestamp' | 'timestamp_too_old' | 'timestamp_too_new' | 'signature_mismatch';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** A fresh signing secret; the spec allows keys of 24 to 64 bytes. */
export function generateWebhookSecret(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 24 || bytes > 64) {
    throw new RangeError('Standard Webhooks secrets hold 24 to 64 bytes');
  }
  return SECRET_PREFIX + randomBytes(bytes).toString('base64');
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new RangeError('Webhook secret is empty');
  return key;
}

/** One `v1,<signature>` entry for `webhook-signature`. */
export function signWebhook(input: SignWebhookInput): string {
  const body = typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  const digest = createHmac('sha256', secretKey(input.secret))
    .update(`${input.id}.${input.timestamp}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${digest}`;
}

/** The `webhook-signature` header: one entry per active secret (old and new during a rotation). */
export function webhookSignatureHeader(secrets: readonly string[], message: WebhookMessage): string {
  return secrets.map((secret) => signWebhook({ ...message, secret })).join(' ');
}

export interface VerifyWebhookInput {
  /** Every secret currently accepted (one, or two during a rotation). */
  secrets: string | readonly string[];
  /** Request headers; names are matched case-insensitively. */
  headers: Record<string, string | string[] | undefined>;
  body: string | Buffer;
  now?: Date;
  toleranceSeconds?: number;
}

function header(headers: VerifyWebhookInput['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * Accepts the message when its timestamp is within the tolerance and any `v1` entry of
 * `webhook-signature` matches any of the secrets; otherwise throws `WebhookVerificationError`.
 */
export function verifyWebhook(input: VerifyWebhookInput): void {
  const id = header(input.headers, 'webhook-id');
  const timestampText = header(input.headers, 'webhook-timestamp');
  const signatures = header(input.headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }
  if (!/^\d+$/.test(timestampText)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not Unix seconds');
  }
  const timestamp = Number(timestampText);
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance)
    throw new WebhookVerificationError('timestamp_too_old', 'Message timestamp too old');
  if (timestamp - now > tolerance)
    throw new WebhookVerificationError('timestamp_too_new', 'Message timestamp too new');
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  const expected = secrets.map((secret) => signWebhook({ secret, id, timestamp, body: input.body }));
  for (const entry of signatures.split(' ')) {
    if (!entry.startsWith('v1,')) continue;
    if (expected.some((candidate) => timingSafeEqualString(entry, candidate))) return;
  }
  throw new WebhookVerificationError('signature_mismatch', 'No matching signature found');
}
