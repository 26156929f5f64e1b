import { randomInt } from 'node:crypto';

/**
 * Easemob message ids: numeric strings of 18–19 digits in every vendor example (easemob.md §5),
 * beyond Number precision, so they are built as BigInt from the clock (ms × 2^20) and kept
 * strictly increasing even within one millisecond.
 */
export class MessageIdGenerator {
  private last = 0n;

  next(now = Date.now()): string {
    let candidate = BigInt(now) << 20n;
    if (candidate <= this.last) candidate = this.last + 1n;
    this.last = candidate;
    return candidate.toString();
  }
}

/** Easemob group and chatroom ids: 15-digit numeric strings in the vendor examples. */
export function numericGroupId(): string {
  // randomInt spans at most 2^48, so the leading digit is drawn separately.
  return `${randomInt(1, 10)}${String(randomInt(0, 100_000_000_000_000)).padStart(14, '0')}`;
}

/** A uint32, as Tencent uses for MsgSeq / MsgRandom (tencent.md §4.2). */
export function randomUint32(): number {
  return randomInt(0, 0xffffffff);
}
