import axios from 'axios';
import {
  DEFAULT_SEED_SPEC,
  generateTencentSeed,
  startTencentEmulator,
  type SeedSpec,
  type TencentEmulator,
  type TencentEmulatorOptions,
} from '@im-gateway/emulator';
import type { MigrationPage, VendorCallContext } from '@im-gateway/types';
import { TencentProvider } from '../src/tencent.provider.js';
import type { TencentConfig } from '../src/tencent.config.js';

/** The emulators' fixed clock: the default seed spec's `now`. */
export const NOW = DEFAULT_SEED_SPEC.now;

export const SPEC: SeedSpec = {
  ...DEFAULT_SEED_SPEC,
  accounts: 30,
  groups: 4,
  membersPerGroup: 6,
  adminsPerGroup: 2,
  mutesPerGroup: 2,
  chatrooms: 2,
  membersPerChatroom: 4,
  contactsPerUser: 4,
  blocksPerUser: 1,
  messages: 240,
  windowHours: 6,
};

export interface TestApp {
  emulator: TencentEmulator;
  config: TencentConfig;
  sdkAppId: number;
  close(): Promise<void>;
}

/** One registered-ids emulator app on the fixed clock; history files ready as soon as their hour ends. */
export async function startApp(
  sdkAppId: number,
  options: Partial<TencentEmulatorOptions> = {},
): Promise<TestApp> {
  const app = { sdkAppId, secretKey: `secret-${sdkAppId}` };
  const emulator = await startTencentEmulator({
    apps: [app],
    ids: 'registered',
    rateLimits: false,
    now: () => NOW,
    historyFileDelayHours: 0,
    ...options,
  });
  return {
    emulator,
    sdkAppId,
    config: {
      ...app,
      adminIdentifier: 'administrator',
      baseUrl: emulator.url,
      allowUnsignedCallbacks: true,
      migrationProfileTags: ['City'],
    } as TencentConfig,
    close: () => emulator.close(),
  };
}

export const seedFor = (spec: SeedSpec = SPEC) => generateTencentSeed(spec);

export const provider = new TencentProvider(axios.create(), { now: () => NOW });

/** A call context that runs each attempt at once and records the API names it was asked for. */
export function recordingContext(): VendorCallContext & { apis: Set<string> } {
  const apis = new Set<string>();
  return {
    appId: 'migration-test',
    deadline: Number.MAX_SAFE_INTEGER,
    apis,
    call: (api, _weight, attempt) => {
      apis.add(api);
      return attempt(10_000);
    },
  };
}

/** Every item of a paged read. */
export async function readAll<T>(read: (cursor: string | null) => Promise<MigrationPage<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page: MigrationPage<T> = await read(cursor);
    out.push(...page.items);
    if (page.next === null) return out;
    cursor = page.next;
  }
  throw new Error('the read did not finish');
}
