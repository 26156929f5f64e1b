import { describe, expect, it } from '@jest/globals';
import {
  DIRECTORY_KINDS,
  MIGRATION_KINDS,
  type ImProvider,
  type MigrationCapabilities,
  type ProviderCapabilities,
} from '@im-gateway/types';
import { renderCapabilityMatrix } from '../capability-matrix.js';
import { migrationProblems } from './conformance.migration.js';

const yes = { supported: true } as const;
const all = <T>(value: T) => Object.fromEntries(DIRECTORY_KINDS.map((k) => [k, value])) as never;

function declaration(): MigrationCapabilities {
  return {
    directory: { read: all(yes), import: all(yes) },
    history: {
      read: { conversations: ['direct', 'group'], windowDays: 3, delayHours: 24 },
      import: { contents: { direct: ['text', 'image'] }, precisionMs: 1, backdatesGroups: false },
    },
    importBatch: Object.fromEntries(MIGRATION_KINDS.map((k) => [k, 10])) as never,
  };
}

const fn = () => Promise.resolve([]);
function api() {
  const reader: Record<string, unknown> = {
    accounts: fn,
    profiles: fn,
    contacts: fn,
    blocklist: fn,
    groups: fn,
    members: fn,
    mutes: fn,
    chatrooms: fn,
    history: fn,
  };
  const writer = Object.fromEntries(
    [
      'importAccounts',
      'importProfiles',
      'importGroup',
      'importMembers',
      'importMutes',
      'importChatroom',
      'importHistory',
      'importContacts',
      'importBlocks',
    ].map((m) => [m, fn]),
  );
  return { reader, writer };
}

function provider(migration: MigrationCapabilities | undefined, impl: unknown = api()): ImProvider<object> {
  return {
    name: 'fake',
    displayName: 'Fake',
    apiLimits: [{ api: 'users/list', unit: 'calls', points: 10, perSeconds: 1 }],
    capabilities: { ...(migration ? { migration } : {}) } as ProviderCapabilities,
    ...(impl ? { migration: impl } : {}),
  } as unknown as ImProvider<object>;
}

describe('migration conformance', () => {
  it('passes a complete declaration, and a provider that declares no migration at all', () => {
    expect(migrationProblems(provider(declaration()), ['users/list'])).toEqual([]);
    expect(migrationProblems(provider(undefined, null))).toEqual([]);
  });

  it.each([
    [
      'no reader and writer',
      () => migrationProblems(provider(declaration(), null)),
      /has no reader and writer/,
    ],
    [
      'an implementation without a declaration',
      () => migrationProblems(provider(undefined)),
      /capabilities.migration is not declared/,
    ],
    [
      'a readable kind without its reader method',
      () => {
        const impl = api();
        delete impl.reader['blocklist'];
        return migrationProblems(provider(declaration(), impl));
      },
      /directory.read.blocklists is supported but migration.reader.blocklist is missing/,
    ],
    [
      'unreadable accounts with a reader method',
      () => {
        const d = declaration();
        (d.directory.read as Record<string, unknown>)['accounts'] = {
          supported: false,
          reason: 'No list API.',
          alternative: 'upload',
        };
        return migrationProblems(provider(d));
      },
      /accounts is unsupported but migration.reader.accounts exists/,
    ],
    [
      'an unsupported kind without a reason',
      () => {
        const d = declaration();
        (d.directory.import as Record<string, unknown>)['contacts'] = { supported: false, reason: ' ' };
        return migrationProblems(provider(d));
      },
      /directory.import.contacts is unsupported without a reason/,
    ],
    [
      'a missing writer method',
      () => {
        const impl = api();
        delete impl.writer['importMutes'];
        return migrationProblems(provider(declaration(), impl));
      },
      /migration.writer.importMutes is missing/,
    ],
    [
      'a batch size that is not a positive integer',
      () => {
        const d = declaration();
        (d.importBatch as Record<string, number>)['history'] = 0;
        return migrationProblems(provider(d));
      },
      /importBatch.history is 0/,
    ],
    [
      'an unknown content type',
      () => {
        const d = declaration();
        (d.history.import.contents as Record<string, string[]>)['group'] = ['text', 'sticker'];
        return migrationProblems(provider(d));
      },
      /"sticker", not a known MessageContentType/,
    ],
    [
      'an API without a limit',
      () => migrationProblems(provider(declaration()), ['users/list', 'chatmessages']),
      /"chatmessages" has no limit in apiLimits/,
    ],
  ])('finds %s', (_name, problems, expected) => {
    expect(problems().join('\n')).toMatch(expected);
  });
});

describe('capability matrix migration rows', () => {
  it('shows ✓ or the reason per kind, and — for a provider without migration', () => {
    const d = declaration();
    (d.directory.read as Record<string, unknown>)['accounts'] = {
      supported: false,
      reason: 'No list | API.',
    };
    (d.directory.import as Record<string, unknown>)['groups'] = { supported: true, note: 'Created now.' };
    const base = {
      conversations: [],
      send: {
        targets: [],
        contents: [],
        unsupportedContentFields: {},
        options: {
          priority: [],
          recipients: [],
          onlineOnly: [],
          syncToSender: { on: [], off: [] },
          broadcast: false,
        },
      },
      receive: { contents: [] },
      recall: { targets: [], broadcast: false },
      limits: { batchSizes: {}, maxTargetedRecipients: 1, maxMessageBytes: 1, rateLimits: [] },
      ids: {
        user: { maxBytes: 1, description: 'x' },
        group: { maxBytes: 1, description: 'x' },
        chatroom: { maxBytes: 1, description: 'x' },
      },
      before: { timeoutMs: 1, onTimeout: 'x', configurableWait: null, commands: [] },
    } as unknown as ProviderCapabilities;
    const table = renderCapabilityMatrix([
      { name: 'a', displayName: 'A', capabilities: { ...base, migration: d } },
      { name: 'b', displayName: 'B', capabilities: base },
    ]);
    expect(table).toContain('| migration: read accounts | — No list \\| API. | — |');
    expect(table).toContain('| migration: import contacts | ✓ | — |');
    expect(table).toContain('| migration: import groups | ✓ (Created now.) | — |');
    expect(table).toContain('| migration: import direct history | text, image | — |');
    expect(table).toContain('| migration: groups keep their creation time | — | — |');
  });
});
