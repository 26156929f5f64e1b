import { expect } from '@jest/globals';
import { unifiedEventProblems, type NormalizedCallback, type UnifiedEventDraft } from '@im-gateway/types';
import { normalizeTencentCallback } from '../src/callback/index.js';
import { fixtureContext, FIXTURES } from './tencent-fixtures.js';

/**
 * Helpers for the variant specs: shapes the vendor sends that the printed examples do not show (tencent.md
 * §1.6, §2.1). Each variant input is small and hand-made, written inline in a spec rather than in fixtures/
 * (which holds vendor-printed examples only).
 */
export const VARIANT_QUERY = {
  SdkAppid: '1400000000',
  contenttype: 'json',
  ClientIP: '10.0.0.1',
  OptPlatform: 'iOS',
};
const context = fixtureContext({ query: VARIANT_QUERY });

/** Normalizes a hand-made body under a command; every event must be a valid unified event. */
export function run(
  command: string,
  body: Record<string, unknown>,
  query: Record<string, string> = {},
): NormalizedCallback {
  const request = {
    body,
    rawBody: JSON.stringify(body),
    query: { ...VARIANT_QUERY, CallbackCommand: command, ...query },
    headers: {},
  };
  const result = normalizeTencentCallback(request, context);
  for (const event of result.events) expect(unifiedEventProblems(event)).toEqual([]);
  return result;
}

/** The first event of `run`. */
export function first(
  command: string,
  body: Record<string, unknown>,
  query?: Record<string, string>,
): UnifiedEventDraft {
  return run(command, body, query).events[0] as UnifiedEventDraft;
}

/** A copy of a fixture's body, to vary. */
export function fixtureBody(name: string): Record<string, unknown> {
  return structuredClone(FIXTURES.load(name).body) as Record<string, unknown>;
}
