import { SlidingWindowLimiter } from '../common/rate-limiter.js';
import { easemobError, reachLimit, sendReachLimit, type EasemobErrorReply } from './easemob-errors.js';

interface Rule {
  limit: number;
  windowMs: number;
  /** Count calls (1 per request) or messages (1 per recipient group/room/user). */
  unit: 'call' | 'message';
  reply: () => EasemobErrorReply;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

const perSecond = (limit: number): Rule => ({ limit, windowMs: SECOND, unit: 'call', reply: reachLimit });

const broadcastDailyLimit = () =>
  easemobError(403, 'message_send_error', 'broadcast message limit exceeded', 'MessageSendException');

/**
 * Per-app limits by API (easemob.md §2.5 and seed 001). Calls over a calls-per-second limit get
 * 429 `reach_limit`; messages over a message-count limit get 403 "message send reach limit".
 */
const RULES: Record<string, Rule[]> = {
  // 100 calls/s, 6000 messages/min (a send to N users is N messages).
  users: [
    { limit: 100, windowMs: SECOND, unit: 'call', reply: reachLimit },
    { limit: 6000, windowMs: MINUTE, unit: 'message', reply: sendReachLimit },
  ],
  // 20 calls/s, 20 messages/s (3 groups in one call = 3 messages).
  chatgroups: [
    { limit: 20, windowMs: SECOND, unit: 'call', reply: reachLimit },
    { limit: 20, windowMs: SECOND, unit: 'message', reply: sendReachLimit },
  ],
  // Targeted group messages: 100 messages/s per app key.
  'chatgroups/users': [{ limit: 100, windowMs: SECOND, unit: 'message', reply: sendReachLimit }],
  // Seed 001: 20 calls/s (21st → 429), 100 messages/s (10 rooms × 10 calls, 11th → 403).
  chatrooms: [
    { limit: 20, windowMs: SECOND, unit: 'call', reply: reachLimit },
    { limit: 100, windowMs: SECOND, unit: 'message', reply: sendReachLimit },
  ],
  // Seed 001: targeted chatroom messages, 100 calls/s per app key.
  'chatrooms/users': [{ limit: 100, windowMs: SECOND, unit: 'call', reply: reachLimit }],
  // Seed 001: 10 broadcasts/min and 100/day. The status is not printed there; the app-wide
  // broadcast documents 429 for its short window and 403 for its daily cap, used here alike.
  'chatrooms/broadcast': [
    { limit: 10, windowMs: MINUTE, unit: 'call', reply: reachLimit },
    { limit: 100, windowMs: DAY, unit: 'call', reply: broadcastDailyLimit },
  ],
  // msg_recall and the user-management APIs: 100 calls/s (limitationapi.md via §2.5).
  msg_recall: [{ limit: 100, windowMs: SECOND, unit: 'call', reply: reachLimit }],
  accounts: [{ limit: 100, windowMs: SECOND, unit: 'call', reply: reachLimit }],
  // Migration APIs (migration facts §2): 100 calls/s unless a page says otherwise.
  metadata: [perSecond(100)],
  contacts: [perSecond(100)],
  blocks: [perSecond(100)],
  groups: [perSecond(100)],
  // Chat room creation and listing: 50 calls/s (§2.8); other chat room management 100/s.
  'rooms/create': [perSecond(50)],
  'rooms/list': [perSecond(50)],
  rooms: [perSecond(100)],
  'import/users': [perSecond(100)],
  'import/chatgroups': [perSecond(100)],
  // The history export: 10 calls per minute (§2.11).
  chatmessages: [{ limit: 10, windowMs: MINUTE, unit: 'call', reply: reachLimit }],
};

export class EasemobRateLimits {
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    private readonly enabled: boolean,
    clock: () => number = Date.now,
  ) {
    this.limiter = new SlidingWindowLimiter(clock);
  }

  /** The vendor's refusal when `api` is over a limit for `appKey`, else null (and counts the call). */
  check(appKey: string, api: string, messages: number, now?: number): EasemobErrorReply | null {
    if (!this.enabled) return null;
    for (const [index, rule] of (RULES[api] ?? []).entries()) {
      const weight = rule.unit === 'call' ? 1 : messages;
      if (!this.limiter.take(`${appKey}|${api}|${index}`, rule.limit, rule.windowMs, weight, now))
        return rule.reply();
    }
    return null;
  }

  clear(): void {
    this.limiter.clear();
  }
}
