import { describe, expect, it } from '@jest/globals';
import {
  ArrivalGuards,
  CEILING_MS,
  DEFAULT_GUARD_MS,
  FLOOR_MS,
  LATENESS_FLOOR_MS,
  MARGIN_MS,
  MIN_SAMPLES,
  SAMPLES,
  STEP_MS,
} from './arrival-guard.js';

const step = (ms: number) => Math.ceil(ms / STEP_MS) * STEP_MS;

function answered(guards: ArrivalGuards, key: string, n: number, tripMs: number, latenessMs = 0): void {
  for (let i = 0; i < n; i++) {
    guards.recordLateness(key, latenessMs);
    guards.recordTrip(key, tripMs);
  }
}

describe('the arrival guard learned from the calls a schedule made', () => {
  it('uses the fixed default before any call was answered', () => {
    const guards = new ArrivalGuards();
    expect(guards.guardMs('k')).toBe(DEFAULT_GUARD_MS);
    expect(guards.latenessAllowedMs('k', DEFAULT_GUARD_MS)).toBe(DEFAULT_GUARD_MS / 2);
  });

  it('never goes below the default until enough calls were answered, but above it at once', () => {
    const guards = new ArrivalGuards();
    answered(guards, 'near', MIN_SAMPLES - 1, 2);
    expect(guards.guardMs('near')).toBe(DEFAULT_GUARD_MS);
    answered(guards, 'near', 1, 2);
    expect(guards.guardMs('near')).toBe(FLOOR_MS);

    answered(guards, 'far', 1, 300);
    expect(guards.guardMs('far')).toBe(step(LATENESS_FLOOR_MS + 300 + MARGIN_MS));
  });

  it('is the largest lateness plus the largest round trip of the recent calls, plus a margin', () => {
    const guards = new ArrivalGuards();
    answered(guards, 'k', MIN_SAMPLES, 20, 3);
    guards.recordTrip('k', 60);
    guards.recordLateness('k', 25);
    expect(guards.guardMs('k')).toBe(step(25 + 60 + MARGIN_MS));
    // What the guard leaves beside the longest trip is the lateness a woken call may have.
    expect(guards.latenessAllowedMs('k', guards.guardMs('k'))).toBe(
      step(25 + 60 + MARGIN_MS) - 60 - MARGIN_MS,
    );
  });

  it('forgets a slow call once SAMPLES calls came after it', () => {
    const guards = new ArrivalGuards();
    guards.recordTrip('k', 500);
    answered(guards, 'k', SAMPLES - 1, 30);
    expect(guards.guardMs('k')).toBe(step(LATENESS_FLOOR_MS + 500 + MARGIN_MS));
    answered(guards, 'k', 1, 30);
    expect(guards.guardMs('k')).toBe(step(LATENESS_FLOOR_MS + 30 + MARGIN_MS));
  });

  it('doubles on a vendor rate limit, up to the ceiling', () => {
    const guards = new ArrivalGuards();
    answered(guards, 'k', MIN_SAMPLES, 30);
    const before = guards.guardMs('k');
    guards.recordVendorLimit('k');
    expect(guards.guardMs('k')).toBeGreaterThanOrEqual(2 * before);
    for (let i = 0; i < 10; i++) guards.recordVendorLimit('k');
    expect(guards.guardMs('k')).toBe(CEILING_MS);
  });

  it('keeps each schedule apart', () => {
    const guards = new ArrivalGuards();
    answered(guards, 'a', MIN_SAMPLES, 400);
    answered(guards, 'b', MIN_SAMPLES, 1);
    expect(guards.guardMs('a')).toBeGreaterThan(400);
    expect(guards.guardMs('b')).toBe(FLOOR_MS);
  });

  it('takes negative readings (a clock step) as zero', () => {
    const guards = new ArrivalGuards();
    answered(guards, 'k', MIN_SAMPLES, -50, -50);
    expect(guards.guardMs('k')).toBe(FLOOR_MS);
  });
});
