import { describe, expect, it } from '@jest/globals';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { unifiedEventProblems } from '@im-gateway/types';
import { normalizeTencentCallback, verifyTencentCallback } from '../src/callback/index.js';
import { fixtureContext, FIXTURES } from './tencent-fixtures.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('Tencent fixtures → golden events', () => {
  it('pairs every fixture with a golden file and every golden file with a fixture', () => {
    if (!UPDATE) expect(FIXTURES.goldenNames()).toEqual(FIXTURES.names());
  });

  describe.each(FIXTURES.names())('%s', (name) => {
    const fixture = FIXTURES.load(name);
    const context = fixtureContext(fixture);

    // Golden files are made without a callback token: the examples' Sign is not reproducible.
    it('is verified for its own app', () => {
      expect(() => verifyTencentCallback(fixtureRequest(fixture), context)).not.toThrow();
    });

    it('normalizes to exactly the golden events, each a valid unified event', () => {
      const { events } = normalizeTencentCallback(fixtureRequest(fixture), context);
      if (UPDATE) FIXTURES.writeGolden(name, events);
      expect(events).toEqual(FIXTURES.golden(name));
      expect(events.length).toBeGreaterThan(0);
      expect(events.flatMap((event) => unifiedEventProblems(event))).toEqual([]);
    });
  });
});
