/** Statuses that may carry `Retry-After` worth honouring (the receiver says when to come back). */
const RETRY_AFTER_STATUSES = new Set([429, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/**
 * When the next attempt is due, or null when the schedule is spent. `schedule[0]` is the wait before the
 * first attempt, `schedule[n]` the wait after the n-th failed one (Svix's default: immediately, 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h). Waits get ±20 % jitter, so a receiver that comes back is not hit by every
 * queued delivery at the same instant. A `Retry-After` on 429/502/503/504 is honoured when it asks for more.
 */
export function nextAttemptDelayMs(
  schedule: readonly number[],
  attemptsMade: number,
  response: { status?: number; retryAfter?: string | null },
  random: () => number = Math.random,
): number | null {
  const base = schedule[attemptsMade];
  if (base === undefined) return null;
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  const retryAfter =
    response.status !== undefined && RETRY_AFTER_STATUSES.has(response.status)
      ? parseRetryAfter(response.retryAfter)
      : null;
  return retryAfter !== null ? Math.max(jittered, Math.min(retryAfter, MAX_RETRY_AFTER_MS)) : jittered;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
