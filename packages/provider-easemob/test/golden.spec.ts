import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { unifiedEventProblems } from '@im-gateway/types';
import { normalizeEasemobCallback, verifyEasemobCallback } from '../src/callback/index.js';
import { GOLDEN_DIR, fixtureContext, fixtureNames, goldenNames, loadFixture, requestOf } from './fixtures.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('Easemob fixtures → golden events', () => {
  it('pairs every fixture with a golden file and every golden file with a fixture', () => {
    if (UPDATE) return;
    expect(goldenNames()).toEqual(fixtureNames());
  });

  describe.each(fixtureNames())('%s', (name) => {
    const fixture = loadFixture(name);
    const context = fixtureContext(fixture.body);
    const goldenPath = `${GOLDEN_DIR}${name}.events.json`;

    it('passes verification with unsigned callbacks allowed once its stale signature is dropped', () => {
      const { security: _dropped, ...unsigned } = fixture.body as Record<string, unknown>;
      expect(() => verifyEasemobCallback(requestOf(fixture, unsigned), context)).not.toThrow();
    });

    it('normalizes to exactly the golden events', () => {
      const { events } = normalizeEasemobCallback(requestOf(fixture), context);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(goldenPath, `${JSON.stringify(events, null, 2)}\n`);
      }
      expect(existsSync(goldenPath)).toBe(true);
      expect(events).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
    });

    it('yields only valid unified events', () => {
      const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as unknown[];
      expect(golden.length).toBeGreaterThan(0);
      for (const event of golden) expect(unifiedEventProblems(event)).toEqual([]);
    });
  });
});
