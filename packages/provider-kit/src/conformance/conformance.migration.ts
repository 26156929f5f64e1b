import {
  DIRECTORY_KINDS,
  MESSAGE_CONTENT_TYPES,
  MIGRATION_KINDS,
  type DirectoryKind,
  type ImProvider,
  type MigrationSupport,
} from '@im-gateway/types';
import { ConformanceError, type ConformanceCheck, type ConformanceSubject } from './conformance.types.js';

/** The reader method of each directory kind (`blocklists` reads through `blocklist`). */
const READER_METHOD: Readonly<Record<DirectoryKind, string>> = {
  accounts: 'accounts',
  profiles: 'profiles',
  groups: 'groups',
  members: 'members',
  mutes: 'mutes',
  chatrooms: 'chatrooms',
  contacts: 'contacts',
  blocklists: 'blocklist',
};

const WRITER_METHODS = [
  'importAccounts',
  'importProfiles',
  'importGroup',
  'importMembers',
  'importMutes',
  'importChatroom',
  'importHistory',
  'importContacts',
  'importBlocks',
] as const;

const KNOWN_CONTENTS = new Set<string>(MESSAGE_CONTENT_TYPES.filter((t) => t !== 'unknown'));
const CONVERSATIONS = new Set(['direct', 'group', 'chatroom']);

const isFunction = (value: unknown) => typeof value === 'function';

function supportProblems(where: string, support: MigrationSupport | undefined): string[] {
  if (!support) return [`${where} is not declared`];
  if (!support.supported && support.reason.trim() === '') return [`${where} is unsupported without a reason`];
  return [];
}

/**
 * What is wrong with a provider's migration declarations, as sentences naming the field; empty when
 * nothing is. `migrationApis`: the vendor API names its migration calls use, each of which must have a
 * limit in `apiLimits` (the gateway paces calls by these names).
 */
export function migrationProblems<Config extends object>(
  provider: ImProvider<Config>,
  migrationApis: readonly string[] = [],
): string[] {
  const declared = provider.capabilities.migration;
  const api = provider.migration as unknown as
    { reader?: Record<string, unknown>; writer?: Record<string, unknown> } | undefined;
  if (!declared) return api ? ['provider.migration exists but capabilities.migration is not declared'] : [];
  if (!api || typeof api.reader !== 'object' || typeof api.writer !== 'object')
    return ['capabilities.migration is declared but provider.migration has no reader and writer'];
  const problems: string[] = [];
  for (const kind of DIRECTORY_KINDS) {
    const read = declared.directory.read[kind];
    problems.push(...supportProblems(`directory.read.${kind}`, read));
    problems.push(...supportProblems(`directory.import.${kind}`, declared.directory.import[kind]));
    const method = READER_METHOD[kind];
    if (read?.supported && !isFunction(api.reader[method]))
      problems.push(`directory.read.${kind} is supported but migration.reader.${method} is missing`);
    // A kind declared unreadable has no method (the contract); only accounts may be left out.
    if (kind === 'accounts' && read && !read.supported && api.reader[method] !== undefined)
      problems.push('directory.read.accounts is unsupported but migration.reader.accounts exists');
  }
  if (!isFunction(api.reader['history'])) problems.push('migration.reader.history is missing');
  for (const method of WRITER_METHODS)
    if (!isFunction(api.writer[method])) problems.push(`migration.writer.${method} is missing`);
  for (const kind of MIGRATION_KINDS) {
    const size = declared.importBatch[kind];
    if (!Number.isInteger(size) || size < 1)
      problems.push(`importBatch.${kind} is ${String(size)}, not a positive integer`);
  }
  const { read, import: imports } = declared.history;
  for (const c of read.conversations)
    if (!CONVERSATIONS.has(c))
      problems.push(`history.read.conversations has "${c}", not a history conversation`);
  if (!(read.windowDays > 0)) problems.push('history.read.windowDays must be positive');
  if (!(read.delayHours >= 0)) problems.push('history.read.delayHours must not be negative');
  if (!Number.isInteger(imports.precisionMs) || imports.precisionMs < 1)
    problems.push('history.import.precisionMs must be a positive integer');
  for (const [conversation, types] of Object.entries(imports.contents)) {
    if (!CONVERSATIONS.has(conversation))
      problems.push(`history.import.contents has "${conversation}", not a history conversation`);
    for (const type of types ?? [])
      if (!KNOWN_CONTENTS.has(type))
        problems.push(
          `history.import.contents.${conversation} has "${type}", not a known MessageContentType`,
        );
  }
  const limited = new Set(provider.apiLimits.map((l) => l.api));
  for (const name of migrationApis)
    if (!limited.has(name)) problems.push(`migration API "${name}" has no limit in apiLimits`);
  return problems;
}

/** The migration declarations' check, run for every provider (it passes trivially for one without). */
export function migrationChecks<Config extends object>(
  subject: ConformanceSubject<Config>,
): ConformanceCheck[] {
  return [
    {
      name: 'migration: declarations are complete and consistent with the reader, writer and apiLimits',
      run: () => {
        const problems = migrationProblems(subject.provider, subject.migrationApis);
        if (problems.length > 0) throw new ConformanceError(`migration: ${problems.join('; ')}`);
      },
    },
  ];
}
