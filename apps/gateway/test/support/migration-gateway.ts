import { expect } from '@jest/globals';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import type { IdRule, MigrationCapabilities, ProviderCapabilities } from '@im-gateway/types';
import { startGateway, type RunningGateway } from './gateway.js';
import {
  memoryApp,
  MemoryMigrationProvider,
  memoryProviderModule,
  type MemoryApp,
} from './memory-migration.provider.js';

const anyId: IdRule = {
  maxBytes: 32,
  pattern: String.raw`^[^\u0000-\u001f\u007f]+$`,
  description: 'no control characters',
};
const lowerId: IdRule = {
  maxBytes: 64,
  pattern: '^[a-z0-9_.-]+$',
  description: 'a-z, 0-9, _ - . (lower case)',
};

const ok = { supported: true } as const;

function capabilities(
  ids: IdRule,
  migration: MigrationCapabilities,
): ProviderCapabilities & { migration: MigrationCapabilities } {
  return {
    conversations: ['direct', 'group'],
    send: {
      targets: ['user', 'group'],
      contents: ['text'],
      unsupportedContentFields: {},
      options: {
        priority: [],
        recipients: [],
        onlineOnly: [],
        syncToSender: { on: [], off: [] },
        broadcast: false,
      },
    },
    receive: { contents: ['text'] },
    recall: { targets: [], broadcast: false },
    limits: { batchSizes: {}, maxTargetedRecipients: 0, maxMessageBytes: 4096, rateLimits: [] },
    ids: { user: ids, group: ids, chatroom: ids },
    migration,
    before: {
      timeoutMs: 0,
      onTimeout: 'The memory vendor sends no before-callbacks.',
      configurableWait: null,
      commands: [],
    },
  };
}

const BATCH = {
  accounts: 3,
  profiles: 3,
  groups: 1,
  members: 3,
  mutes: 3,
  chatrooms: 1,
  history: 2,
  contacts: 3,
  blocklists: 3,
};

/** Like Tencent as a source: no account list (a user list instead); any id but control characters. */
export const SOURCE_CAPABILITIES = capabilities(anyId, {
  directory: {
    read: {
      accounts: { supported: false, reason: 'it has no API that lists all accounts', alternative: 'upload' },
      profiles: ok,
      groups: ok,
      members: ok,
      mutes: ok,
      chatrooms: { supported: false, reason: 'it lists no chat rooms' },
      contacts: ok,
      blocklists: ok,
    },
    import: {
      accounts: ok,
      profiles: ok,
      groups: ok,
      members: ok,
      mutes: ok,
      chatrooms: ok,
      contacts: ok,
      blocklists: ok,
    },
  },
  history: {
    read: { conversations: ['direct', 'group'], windowDays: 7, delayHours: 0 },
    import: { contents: { direct: ['text'], group: ['text'] }, precisionMs: 1000, backdatesGroups: true },
  },
  importBatch: BATCH,
});

/** Like Easemob as a target: lower-case ids, group ids it assigns, no mute import, text-only group history. */
export const TARGET_CAPABILITIES = capabilities(lowerId, {
  directory: {
    read: {
      accounts: ok,
      profiles: ok,
      groups: ok,
      members: ok,
      mutes: ok,
      chatrooms: ok,
      contacts: ok,
      blocklists: ok,
    },
    import: {
      accounts: ok,
      profiles: ok,
      groups: ok,
      members: ok,
      mutes: { supported: false, reason: 'it keeps no group mutes' },
      chatrooms: ok,
      contacts: ok,
      blocklists: ok,
    },
  },
  history: {
    read: { conversations: ['direct', 'group'], windowDays: 3, delayHours: 0 },
    import: {
      contents: { direct: ['text', 'image'], group: ['text'] },
      precisionMs: 1,
      backdatesGroups: true,
    },
  },
  importBatch: BATCH,
});

export interface MigrationFixture {
  gw: RunningGateway;
  bridgeId: string;
  sourceAppId: string;
  targetAppId: string;
  source: MemoryApp;
  target: MemoryApp;
}

let stores = 0;

/** Starts a gateway with the in-memory source and target providers registered (test-only). */
export function startMigrationGateway(options: { db?: TestDatabase; env?: Record<string, string> } = {}) {
  return startGateway({
    ...options,
    env: { GATEWAY_PROVIDERS: 'easemob,tencent,memsrc,memdst', ...options.env },
    modules: [
      memoryProviderModule(new MemoryMigrationProvider('memsrc', 'Memory Source', SOURCE_CAPABILITIES)),
      memoryProviderModule(new MemoryMigrationProvider('memdst', 'Memory Target', TARGET_CAPABILITIES)),
    ],
  });
}

/** Two fresh in-memory apps on a gateway, bridged (users keep their ids), with their stores. */
export async function migrationFixture(
  gw: RunningGateway,
  bridge: Record<string, unknown> = {},
): Promise<MigrationFixture> {
  const n = ++stores;
  const app = async (provider: string, store: string) => {
    const res = await gw.call('POST', '/v1/apps', { body: { name: store, provider, config: { store } } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const sourceStore = `src-${process.pid}-${n}`;
  const targetStore = `dst-${process.pid}-${n}`;
  const sourceAppId = await app('memsrc', sourceStore);
  const targetAppId = await app('memdst', targetStore);
  const created = await gw.call('POST', '/v1/bridges', {
    body: { sourceAppId, targetAppId, direction: 'one-way', userMapping: { type: 'same' }, ...bridge },
  });
  expect(created.status).toBe(201);
  return {
    gw,
    bridgeId: created.body.id as string,
    sourceAppId,
    targetAppId,
    source: memoryApp(sourceStore),
    target: memoryApp(targetStore),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a job until `done` holds (or fails the test after `timeoutMs`). */
export async function waitForJob(
  f: MigrationFixture,
  jobId: string,
  done: (job: any) => boolean = (job) => ['completed', 'failed', 'cancelled'].includes(job.status),
  timeoutMs = 20_000,
): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await f.gw.call('GET', `/v1/bridges/${f.bridgeId}/migrations/${jobId}`);
    expect(res.status).toBe(200);
    if (done(res.body)) return res.body;
    if (Date.now() > until)
      throw new Error(`job ${jobId} still ${res.body.status}: ${JSON.stringify(res.body.progress)}`);
    await sleep(100);
  }
}

/** Every item of a job (all pages), filtered as the API filters. */
export async function allItems(f: MigrationFixture, jobId: string, query = ''): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `${query}${query ? '&' : ''}limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await f.gw.call('GET', `/v1/bridges/${f.bridgeId}/migrations/${jobId}/items?${q}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}
