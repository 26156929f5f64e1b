import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { unifiedEventProblems } from '@im-gateway/types';
import {
  fixtureContext,
  fixtureNames,
  fixtureRequest,
  GOLDEN_DIR,
  loadFixture,
} from '../../test/tencent-fixtures.js';
import { normalizeTencentCallback } from './tencent-callback.normalizer.js';
import { verifyTencentCallback } from './tencent-callback.verifier.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const names = fixtureNames();

describe('Tencent vendor-doc fixtures', () => {
  it('has at least one fixture', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it('pairs every golden file with a fixture', () => {
    const goldens = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.events.json'));
    expect(goldens.map((f) => f.slice(0, -'.events.json'.length)).sort()).toEqual(names);
  });

  describe.each(names)('%s', (name) => {
    const fixture = loadFixture(name);
    const goldenPath = join(GOLDEN_DIR, `${name}.events.json`);

    it('is verified for its own app', () => {
      expect(() => verifyTencentCallback(fixtureRequest(fixture), fixtureContext(fixture))).not.toThrow();
    });

    it('normalizes to its golden events', () => {
      const { events } = normalizeTencentCallback(fixtureRequest(fixture), fixtureContext(fixture));
      if (UPDATE) writeFileSync(goldenPath, `${JSON.stringify(events, null, 2)}\n`);
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
