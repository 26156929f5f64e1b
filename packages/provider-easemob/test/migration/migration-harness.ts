import axios from 'axios';
import {
  DEFAULT_SEED_SPEC,
  generateEasemobSeed,
  startEasemobEmulator,
  type EasemobEmulator,
  type EasemobSeed,
  type SeedSpec,
} from '@im-gateway/emulator';
import type { VendorCallContext } from '@im-gateway/types';
import type { EasemobConfig } from '../../src/easemob.config.js';
import { EasemobProvider } from '../../src/easemob.provider.js';

export const HOUR = 3_600_000;
/**
 * The seeded "now": this hour, not the default spec's fixed date. The writer takes a mute's time left from
 * the real clock (Easemob takes a duration), and the seeded mutes end a day after `now`: with a fixed date
 * they would all have ended a day after it, and be skipped.
 */
export const NOW = Math.floor(Date.now() / HOUR) * HOUR;

/** A small dataset with every kind in it. */
export const SMALL_SPEC: SeedSpec = {
  ...DEFAULT_SEED_SPEC,
  now: NOW,
  accounts: 14,
  groups: 3,
  membersPerGroup: 6,
  adminsPerGroup: 2,
  mutesPerGroup: 2,
  chatrooms: 2,
  membersPerChatroom: 4,
  contactsPerUser: 4,
  blocksPerUser: 1,
  messages: 48,
  windowHours: 48,
  seed: 7,
};

const app = (appName: string) => ({
  orgName: 'org',
  appName,
  clientId: `YXA6${appName}`,
  clientSecret: `secret-${appName}`,
});

export interface Harness {
  emulator: EasemobEmulator;
  provider: EasemobProvider;
  source: EasemobConfig;
  target: EasemobConfig;
  seed: EasemobSeed;
  /** The emulator's clock; tests move it. */
  clock: { now: number };
  /** Every API name the provider paced a call under. */
  calls: string[];
  ctx: VendorCallContext;
}

/** One emulator with a seeded source app and an empty target app, on a clock the test controls. */
export async function startHarness(
  spec: SeedSpec = SMALL_SPEC,
  options: { customIds?: boolean } = {},
): Promise<Harness> {
  const clock = { now: NOW };
  const emulator = await startEasemobEmulator({
    apps: [app('source'), app('target')],
    ids: 'registered',
    rateLimits: false,
    now: () => clock.now,
    ...(options.customIds ? { customIds: true } : {}),
  });
  const seed = generateEasemobSeed(spec);
  emulator.seed('org#source', seed);
  const calls: string[] = [];
  const ctx: VendorCallContext = {
    appId: 'app_test',
    deadline: Number.MAX_SAFE_INTEGER,
    call: (api, _weight, attempt) => {
      calls.push(api);
      return attempt(10_000);
    },
  };
  return {
    emulator,
    provider: new EasemobProvider(axios.create()),
    source: { ...app('source'), baseUrl: emulator.url } as EasemobConfig,
    target: {
      ...app('target'),
      baseUrl: emulator.url,
      ...(options.customIds ? { customIds: true } : {}),
    } as EasemobConfig,
    seed,
    clock,
    calls,
    ctx,
  };
}

/** Every item of a paged read. */
export async function readAll<T>(
  read: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>,
) {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; next: string | null } = await read(cursor);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return out;
}

export const sorted = <T>(items: readonly T[]) => [...items].sort();
