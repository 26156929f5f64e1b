import { createHash } from 'node:crypto';

/** The width of `message_receipts.message_key` (PostgreSQL enforces it; SQLite would not). */
export const MESSAGE_KEY_MAX = 255;

/**
 * A message key as `message_receipts` stores it: as it is, or, when longer than the column, its kind and
 * the SHA-256 of the whole key. Vendor message ids are short, but a callback may name any id (the fuzzing
 * tests send one of thousands of characters), and the key is only ever compared, never read back.
 */
export function storedMessageKey(key: string): string {
  if (key.length <= MESSAGE_KEY_MAX) return key;
  const kind = key.slice(0, key.indexOf(':'));
  return `${kind}:sha256:${createHash('sha256').update(key).digest('hex')}`;
}
