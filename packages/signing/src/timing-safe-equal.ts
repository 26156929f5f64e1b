import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in time that depends only on their length, so a caller comparing a received
 * signature with the expected one leaks nothing about where they differ. Different lengths answer
 * `false` at once (node's `timingSafeEqual` would throw): signature lengths are public anyway.
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
