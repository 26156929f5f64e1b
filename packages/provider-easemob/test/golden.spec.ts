import { describe, expect, it } from '@jest/globals';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { unifiedEventProblems } from '@im-gateway/types';
import { normalizeEasemobCallback, verifyEasemobCallback } from '../src/callback/index.js';
import { fixtureContext, FIXTURES } from './easemob-fixtures.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('Easemob fixtures → golden events', () => {
  it('pairs every fixture with a golden file and every golden file with a fixture', () => {
    if (!UPDATE) expect(FIXTURES.goldenNames()).toEqual(FIXTURES.names());
  });

  describe.each(FIXTURES.names())('%s', (name) => {
    const fixture = FIXTURES.load(name);
    const context = fixtureContext(fixture.body);

    // The examples' `security` was made with a secret the docs do not print.
    it('passes verification with unsigned callbacks allowed once its stale signature is dropped', () => {
      const { security: _dropped, ...unsigned } = fixture.body as Record<string, unknown>;
      expect(() => verifyEasemobCallback(fixtureRequest(fixture, unsigned), context)).not.toThrow();
    });

    it('normalizes to exactly the golden events, each a valid unified event', () => {
      const { events } = normalizeEasemobCallback(fixtureRequest(fixture), context);
      if (UPDATE) FIXTURES.writeGolden(name, events);
      expect(events).toEqual(FIXTURES.golden(name));
      expect(events.length).toBeGreaterThan(0);
      expect(events.flatMap((event) => unifiedEventProblems(event))).toEqual([]);
    });
  });
});
