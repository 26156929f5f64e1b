import { describe, expect, it } from '@jest/globals';
import { nextAttemptDelayMs, parseRetryAfter } from './retry-schedule.js';

const schedule = [0, 5_000, 300_000];

describe('retry schedule', () => {
  it('follows the schedule with ±20 % jitter and stops when it is spent', () => {
    expect(nextAttemptDelayMs(schedule, 1, {}, () => 0.5)).toBe(5_000);
    expect(nextAttemptDelayMs(schedule, 1, {}, () => 0)).toBe(4_000);
    expect(nextAttemptDelayMs(schedule, 1, {}, () => 1)).toBe(6_000);
    expect(nextAttemptDelayMs(schedule, 2, {}, () => 0.5)).toBe(300_000);
    expect(nextAttemptDelayMs(schedule, 3, {}, () => 0.5)).toBeNull();
  });

  it('honours a longer Retry-After on 429/502/503/504 only', () => {
    expect(nextAttemptDelayMs(schedule, 1, { status: 429, retryAfter: '60' }, () => 0.5)).toBe(60_000);
    expect(nextAttemptDelayMs(schedule, 1, { status: 503, retryAfter: '1' }, () => 0.5)).toBe(5_000);
    expect(nextAttemptDelayMs(schedule, 1, { status: 500, retryAfter: '60' }, () => 0.5)).toBe(5_000);
    expect(nextAttemptDelayMs(schedule, 1, { status: 429, retryAfter: '999999999' }, () => 0.5)).toBe(
      24 * 3600 * 1000,
    );
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
