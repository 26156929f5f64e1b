import { describe, expect, it } from '@jest/globals';
import type { ReconcileCapabilities } from '@im-gateway/types';
import { checkWindow, nextScheduledWindow, scheduleOf } from '../../src/reconciliation/reconcile-window.js';
import { sourceFor } from '../../src/reconciliation/reconciliations.service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EASEMOB: ReconcileCapabilities = {
  sources: ['export'],
  windowDays: 3,
  exportDelayMinutes: 1440,
  everyMinutes: 60,
};
const TENCENT: ReconcileCapabilities = {
  sources: ['export', 'conversations'],
  windowDays: 7,
  exportDelayMinutes: 120,
  everyMinutes: 60,
};
const NOW = Date.parse('2026-12-06T10:17:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('checkWindow', () => {
  it('answers a window within the history in epoch ms', () => {
    expect(checkWindow(iso(NOW - 2 * HOUR), iso(NOW), EASEMOB, NOW)).toEqual({
      from: NOW - 2 * HOUR,
      to: NOW,
    });
  });

  it.each([
    ['to in the future', iso(NOW - HOUR), iso(NOW + 1), 'to', /future/],
    ['from after to', iso(NOW - HOUR), iso(NOW - 2 * HOUR), 'from', /before `to`/],
    ['from equal to to', iso(NOW - HOUR), iso(NOW - HOUR), 'from', /before `to`/],
    ['from beyond 3 days', iso(NOW - 3 * DAY - 1), iso(NOW - HOUR), 'from', /3 days/],
    ['a from that is no time', 'yesterday', iso(NOW), 'from', /ISO-8601/],
  ])('refuses %s with window_invalid naming the field', (_name, from, to, field, message) => {
    let caught: any;
    try {
      checkWindow(from, to, EASEMOB, NOW);
    } catch (error) {
      caught = error;
    }
    expect(caught?.code).toBe('window_invalid');
    expect(caught.message).toMatch(message);
    expect(caught.details).toEqual([expect.objectContaining({ field })]);
  });

  it('takes 7 days of Tencent history where Easemob keeps 3', () => {
    expect(() => checkWindow(iso(NOW - 6 * DAY), iso(NOW - DAY), TENCENT, NOW)).not.toThrow();
    expect(() => checkWindow(iso(NOW - 6 * DAY), iso(NOW - DAY), EASEMOB, NOW)).toThrow(/3 days/);
  });
});

describe('sourceFor', () => {
  it("reads the export once the window is past the vendor's export delay", () => {
    expect(sourceFor(TENCENT, { to: NOW - 121 * MINUTE }, NOW, undefined)).toBe('export');
  });
  it('reads conversations before that, where the vendor can', () => {
    expect(sourceFor(TENCENT, { to: NOW - 119 * MINUTE }, NOW, undefined)).toBe('conversations');
    expect(sourceFor(EASEMOB, { to: NOW }, NOW, undefined)).toBe('export');
  });
  it('takes the caller’s choice, and refuses one the vendor does not offer', () => {
    expect(sourceFor(TENCENT, { to: NOW }, NOW, 'export')).toBe('export');
    expect(() => sourceFor(EASEMOB, { to: NOW }, NOW, 'conversations')).toThrow(/conversations/);
  });
});

describe('nextScheduledWindow', () => {
  const tencent = scheduleOf(TENCENT, { enabled: true });

  it("takes the provider's defaults for what the settings leave out", () => {
    expect(scheduleOf(EASEMOB, { enabled: true, everyMinutes: 30 })).toEqual({
      enabled: true,
      everyMinutes: 30,
      delayMinutes: 1440,
    });
  });

  it('starts with the newest whole period that is past the delay', () => {
    // Readable up to 08:17; the newest whole hour before that is 07:00–08:00.
    expect(nextScheduledWindow(tencent, TENCENT, null, NOW)).toEqual({
      from: Date.parse('2026-12-06T07:00:00.000Z'),
      to: Date.parse('2026-12-06T08:00:00.000Z'),
    });
  });

  it('goes on from where the last window ended, and waits until the next is readable', () => {
    const last = Date.parse('2026-12-06T07:00:00.000Z');
    expect(nextScheduledWindow(tencent, TENCENT, last, NOW)).toEqual({ from: last, to: last + HOUR });
    expect(nextScheduledWindow(tencent, TENCENT, last + HOUR, NOW)).toBeNull();
  });

  it("moves a start older than the vendor's history up to what can still be read", () => {
    const window = nextScheduledWindow(tencent, TENCENT, NOW - 30 * DAY, NOW)!;
    expect(window.from).toBeGreaterThanOrEqual(NOW - 7 * DAY);
    expect(window.from % HOUR).toBe(0);
  });
});
