import { describe, expect, it } from '@jest/globals';
import { EasemobRateLimits } from './easemob-rate-limits.js';

const status = (limits: EasemobRateLimits, api: string, messages: number, now: number) =>
  limits.check('o#a', api, messages, now)?.status ?? 200;

describe('EasemobRateLimits with a controlled clock', () => {
  it('allows 100 chatroom broadcasts a day (10 a minute), then 403 broadcast message limit exceeded', () => {
    const limits = new EasemobRateLimits(true);
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 100; i++) {
      expect(status(limits, 'chatrooms/broadcast', 1, start + Math.floor(i / 10) * 61_000 + (i % 10))).toBe(
        200,
      );
    }
    const over = limits.check('o#a', 'chatrooms/broadcast', 1, start + 11 * 61_000);
    expect(over?.status).toBe(403);
    expect(over?.body['error_description']).toBe('broadcast message limit exceeded');
    expect(status(limits, 'chatrooms/broadcast', 1, start + 24 * 3600_000 + 1)).toBe(200);
  });

  it('frees a per-second limit one second later and keeps apps apart', () => {
    const limits = new EasemobRateLimits(true);
    for (let i = 0; i < 20; i++) expect(status(limits, 'chatrooms', 1, 1000 + i)).toBe(200);
    expect(status(limits, 'chatrooms', 1, 1020)).toBe(429);
    expect(limits.check('other#app', 'chatrooms', 1, 1020)).toBeNull();
    expect(status(limits, 'chatrooms', 1, 2001)).toBe(200);
  });

  it('does nothing when switched off', () => {
    const limits = new EasemobRateLimits(false);
    for (let i = 0; i < 500; i++) expect(limits.check('o#a', 'chatrooms', 10, 1000)).toBeNull();
  });
});
