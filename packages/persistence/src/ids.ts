import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Random bytes for ids, drawn from a pool refilled 8 KiB at a time. The uuid package asks the OS for 16
 * bytes per id (`crypto.getRandomValues`), which showed as 4–6 % of the ingest profile: ingest makes two or
 * more ids per callback.
 */
const pool = new Uint8Array(16 * 512);
let offset = pool.length;

function random16(): Uint8Array {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return bytes;
}

/**
 * The uuid package keeps ids made in one millisecond in order only when it draws the random bytes itself,
 * so with our bytes the same rule is kept here (RFC 9562 §6.2, method 1): a new millisecond starts a random
 * 31-bit counter; within one, the counter counts up, and on overflow the time moves on by a millisecond.
 */
const state = { msecs: -Infinity, seq: 0 };

/** A new time-sortable id (UUIDv7): ids created later sort after earlier ones, so cursors are stable. */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}

/** Now, as stored: ISO-8601 UTC with milliseconds. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
