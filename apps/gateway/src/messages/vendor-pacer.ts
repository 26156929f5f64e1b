import type { Redis } from 'ioredis';
import type { VendorApiLimit } from '@im-gateway/types';
import { DEFAULT_GUARD_MS } from './arrival-guard.js';

/**
 * What one app may book on one vendor API: `points` tokens within any `windowMs`, spaced `spacingMs` apart
 * per token with up to `burst` tokens early. `windowMs` is the vendor's window plus `guardMs`, how much
 * later than booked a call may reach the vendor (see `ArrivalGuards`): a schedule of that window covers
 * every vendor window over the arrivals.
 */
export interface PaceBudget {
  points: number;
  windowMs: number;
  spacingMs: number;
  burst: number;
  guardMs: number;
}

export function budgetOf(limit: VendorApiLimit, guardMs: number = DEFAULT_GUARD_MS): PaceBudget {
  const windowMs = limit.perSeconds * 1000 + guardMs;
  // Per-second budgets are paced, with a small burst so a quiet app's call leaves at once: a window that
  // short is close to the jitter of arrivals, and a bunch released together can reach it as more than one
  // window's worth. Longer windows (a minute of messages) take their calls as they come: a send of 600
  // messages is no reason to hold the next one for six seconds, and the window rule keeps the sum.
  const burst = limit.perSeconds <= 1 ? Math.max(1, Math.floor(limit.points / 20)) : limit.points;
  return { points: limit.points, windowMs, spacingMs: windowMs / limit.points, burst, guardMs };
}

/**
 * One app's schedule on one vendor API. A call is booked at the first moment, not before the last booking,
 * that two rules allow: calls are spaced evenly (the generic cell-rate algorithm: `spacingMs` per token,
 * `burst` tokens early), so a backlog leaves at the budget's pace instead of in bursts; and the vendor's
 * sliding window ending there has room for its tokens, kept as the log of booked calls (a sliding log),
 * which spacing alone cannot promise for calls of many tokens. So no window of the vendor's length ever
 * holds more than the budget, and a steady stream uses all of it. Fixed-window counters (what rate-limiter-flexible offers) cannot do both: a
 * sliding window overlaps one more fixed window than it contains, so they must grant less — and a
 * whole-second window, the finest its Redis counters expire in, halves a per-second budget. Bookings are
 * in order (a later call never jumps an earlier one), which keeps the log a queue.
 *
 * Each booking brings its own arrival guard (`ArrivalGuards`), and guards change: a call booked with a
 * longer guard than the current one may still arrive late into the windows of the calls booked after it.
 * So the schedule keeps the guards of its bookings that can still share a vendor window with a new one
 * (`held`: guard and the moment its last booking stops mattering, the longest first) and books with the
 * longest of them. Guards are whole multiples of 10 ms, which keeps that list short.
 *
 * `reserve` answers how long to wait for the booked moment, or null — booking nothing — when that moment
 * is later than `maxWaitMs` from now.
 */
export interface Pacer {
  reserve(key: string, budget: PaceBudget, tokens: number, maxWaitMs: number): Promise<number | null>;
}

interface Log {
  at: number[];
  tokens: number[];
  head: number;
  sum: number;
  /** The GCRA's theoretical arrival time: when the booked tokens will have been paced out. */
  tat: number;
  /** Guards still in force, longest first, and until when (their expiries rise). */
  held: { guardMs: number; until: number }[];
}

/** The window and spacing of `budget` when a booking must allow for `guardMs` instead of its own guard. */
function widened(budget: PaceBudget, guardMs: number): PaceBudget {
  if (guardMs <= budget.guardMs) return budget;
  const windowMs = budget.windowMs - budget.guardMs + guardMs;
  return { ...budget, windowMs, spacingMs: (budget.spacingMs * windowMs) / budget.windowMs, guardMs };
}

/** The schedules of this process. */
export class MemoryPacer implements Pacer {
  private readonly logs = new Map<string, Log>();

  constructor(private readonly now: () => number = () => performance.timeOrigin + performance.now()) {}

  reserve(key: string, budget: PaceBudget, tokens: number, maxWaitMs: number): Promise<number | null> {
    return Promise.resolve(this.reserveNow(key, budget, tokens, maxWaitMs));
  }

  /** Synchronous `reserve`, for simulations. */
  reserveNow(key: string, own: PaceBudget, tokens: number, maxWaitMs: number): number | null {
    const now = this.now();
    const log = this.logs.get(key) ?? { at: [], tokens: [], head: 0, sum: 0, tat: 0, held: [] };
    while (log.held.length > 0 && log.held[0]!.until <= now) log.held.shift();
    const budget = widened(own, log.held[0]?.guardMs ?? 0);
    const last = log.head < log.at.length ? log.at[log.at.length - 1]! : -Infinity;
    let at = Math.max(now, last, log.tat - budget.burst * budget.spacingMs);
    // Entries out of the window ending at `at` no longer count; then wait for the oldest to leave until
    // the call fits. Nothing is changed before the answer is known.
    let head = log.head;
    let sum = log.sum;
    while (head < log.at.length && log.at[head]! <= at - budget.windowMs) sum -= log.tokens[head++]!;
    while (sum + tokens > budget.points && head < log.at.length) {
      at = Math.max(at, log.at[head]! + budget.windowMs);
      sum -= log.tokens[head++]!;
    }
    if (at - now > maxWaitMs) return null;
    log.at.push(at);
    log.tokens.push(tokens);
    log.head = head;
    log.sum = sum + tokens;
    log.tat = Math.max(log.tat, at) + tokens * budget.spacingMs;
    // This booking's guard holds until a call booked after it could no longer share a window with it.
    while (log.held.length > 0 && log.held.at(-1)!.guardMs <= own.guardMs) log.held.pop();
    log.held.push({ guardMs: own.guardMs, until: at + own.windowMs });
    if (log.head > 1024) {
      log.at = log.at.slice(log.head);
      log.tokens = log.tokens.slice(log.head);
      log.head = 0;
    }
    this.logs.set(key, log);
    return at - now;
  }
}

/**
 * The same log in Redis, shared by every gateway replica: one script books atomically on the Redis
 * server's clock (replicas' clocks may differ). A sorted set holds the bookings (score: µs; member:
 * `sequence:tokens`), a hash the running sum, the GCRA's arrival time, the sequence and the guards held
 * (`guard,until;…` in µs). Each replica learns its own guard; as the vendor counts every replica's calls in
 * one window, the held guards are the schedule's, whichever replica booked with them.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1])
local points = tonumber(ARGV[2])
local tokens = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[4])
local spacing = tonumber(ARGV[5])
local burst = tonumber(ARGV[6])
local guard = tonumber(ARGV[7])
local state = redis.call('HMGET', KEYS[2], 'sum', 'tat', 'held')
local sum = tonumber(state[1] or '0')
local tat = tonumber(state[2] or '0')
local held = {}
for g, u in string.gmatch(state[3] or '', '(%d+),(%d+)') do
  if tonumber(u) > now then
    held[#held + 1] = { tonumber(g), tonumber(u) }
  end
end
local ownWindow = window
if held[1] and held[1][1] > guard then
  spacing = spacing * (window - guard + held[1][1]) / window
  window = window - guard + held[1][1]
end
local at = math.max(now, tat - burst * spacing)
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] then at = math.max(at, tonumber(newest[2])) end
local gone = 0
local oldest = redis.call('ZRANGE', KEYS[1], 0, 255, 'WITHSCORES')
local i = 1
while oldest[i] do
  local score = tonumber(oldest[i + 1])
  local n = tonumber(string.match(oldest[i], ':(%d+)$'))
  if score <= at - window then
    sum = sum - n
  elseif sum + tokens > points then
    at = math.max(at, score + window)
    sum = sum - n
  else
    break
  end
  gone = gone + 1
  i = i + 2
  if not oldest[i] and sum + tokens > points then
    oldest = redis.call('ZRANGE', KEYS[1], gone, gone + 255, 'WITHSCORES')
    i = 1
  end
end
if at - now > maxWait then return -1 end
if gone > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, gone - 1) end
local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
redis.call('ZADD', KEYS[1], string.format('%.0f', at), seq .. ':' .. tokens)
while held[#held] and held[#held][1] <= guard do held[#held] = nil end
held[#held + 1] = { guard, at + ownWindow }
local kept = {}
for k = 1, #held do kept[k] = string.format('%.0f,%.0f', held[k][1], held[k][2]) end
redis.call('HSET', KEYS[2], 'sum', sum + tokens, 'tat', string.format('%.0f', math.max(tat, at) + tokens * spacing), 'held', table.concat(kept, ';'))
local ttl = math.ceil((math.max(tat, at) + tokens * spacing - now + window) / 1000) + 1000
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return at - now`;

export class RedisPacer implements Pacer {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async reserve(key: string, budget: PaceBudget, tokens: number, maxWaitMs: number): Promise<number | null> {
    // One hash tag for both keys: a Redis Cluster keeps them on one node, as a script needs.
    const base = `${this.keyPrefix}{${key}}`;
    const waitUs = (await this.redis.eval(
      RESERVE,
      2,
      `${base}:log`,
      `${base}:sum`,
      String(budget.windowMs * 1000),
      String(budget.points),
      String(tokens),
      String(Math.floor(maxWaitMs * 1000)),
      String(budget.spacingMs * 1000),
      String(budget.burst),
      String(Math.round(budget.guardMs * 1000)),
    )) as number;
    return waitUs < 0 ? null : waitUs / 1000;
  }
}
