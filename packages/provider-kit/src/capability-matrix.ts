import {
  DIRECTORY_KINDS,
  ID_KINDS,
  MESSAGE_CONTENT_TYPES,
  type IdRule,
  type MigrationCapabilities,
  type MigrationSupport,
  type ProviderCapabilities,
  type ReconcileCapabilities,
  type SendTargetType,
  type VendorApiLimit,
} from '@im-gateway/types';

/** A provider as `GET /v1/providers` lists it. */
export interface ProviderDescription {
  name: string;
  displayName: string;
  capabilities: ProviderCapabilities;
}

const YES = '✓';
const NO = '—';

const list = (items: readonly string[]) => (items.length === 0 ? NO : items.join(', '));
const flag = (value: boolean) => (value ? YES : NO);
const rate = (l: VendorApiLimit) =>
  `${l.points} ${l.unit} / ${l.perSeconds === 1 ? 's' : `${l.perSeconds} s`}`;
const targets = (kinds: readonly SendTargetType[]) => list(kinds);
// A rule's words go into a table cell, where a bare pipe would start another column.
const idRule = (r: IdRule) => `≤ ${r.maxBytes} bytes: ${r.description.replaceAll('|', '\\|')}`;

const cellText = (text: string) => text.replaceAll('|', '\\|');
// Supported with a note (what is lost on the way) or unsupported with the reason: both are shown.
const support = (s: MigrationSupport) =>
  s.supported ? (s.note ? `${YES} (${cellText(s.note)})` : YES) : `${NO} ${cellText(s.reason)}`;
type Row = [string, (c: ProviderCapabilities) => string];
/** A migration row: the cell of a provider that declares no migration is "—". */
const migrationRow = (label: string, cell: (m: MigrationCapabilities) => string): Row => [
  label,
  (c) => (c.migration ? cell(c.migration) : NO),
];
const HISTORY_CONVERSATIONS = ['direct', 'group', 'chatroom'] as const;

/** The migration rows: per kind read and import (✓ or the reason), history windows and contents, batches. */
const MIGRATION_ROWS: Row[] = [
  ...DIRECTORY_KINDS.map((k) => migrationRow(`migration: read ${k}`, (m) => support(m.directory.read[k]))),
  ...DIRECTORY_KINDS.map((k) =>
    migrationRow(`migration: import ${k}`, (m) => support(m.directory.import[k])),
  ),
  migrationRow('migration: read history', (m) => list(m.history.read.conversations)),
  migrationRow(
    'migration: history window (days) / complete after (hours)',
    (m) => `${m.history.read.windowDays} / ${m.history.read.delayHours}`,
  ),
  ...HISTORY_CONVERSATIONS.map((conversation) =>
    migrationRow(`migration: import ${conversation} history`, (m) =>
      list(m.history.import.contents[conversation] ?? []),
    ),
  ),
  migrationRow('migration: imported time precision (ms)', (m) => String(m.history.import.precisionMs)),
  migrationRow('migration: groups keep their creation time', (m) => flag(m.history.import.backdatesGroups)),
  migrationRow('migration: items per import call', (m) =>
    Object.entries(m.importBatch)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  ),
];

/** A reconciliation row: the cell of a provider that declares no reconciliation is "—". */
const reconcileRow = (label: string, cell: (r: ReconcileCapabilities) => string): Row => [
  label,
  (c) => (c.reconcile ? cell(c.reconcile) : NO),
];

/** The reconciliation rows: where history is read back from, how far, and the default schedule. */
const RECONCILE_ROWS: Row[] = [
  reconcileRow('reconcile: history sources', (r) => list(r.sources)),
  reconcileRow(
    'reconcile: window (days) / delay / every (min)',
    (r) => `${r.windowDays} / ${r.exportDelayMinutes} / ${r.everyMinutes}`,
  ),
];

/**
 * The capability matrix as a Markdown table, one column per provider: rendered from the declarations (the
 * same objects `GET /v1/providers` serves), so the docs cannot drift from what the gateway enforces.
 */
export function renderCapabilityMatrix(providers: readonly ProviderDescription[]): string {
  const rows: [string, (c: ProviderCapabilities) => string][] = [
    ['conversations received', (c) => list(c.conversations)],
    ['send targets', (c) => targets(c.send.targets)],
    ...MESSAGE_CONTENT_TYPES.filter((t) => t !== 'unknown').map(
      (t): [string, (c: ProviderCapabilities) => string] => [
        `send \`${t}\``,
        (c) => {
          const refused = c.send.unsupportedContentFields[t] ?? [];
          if (!(c.send.contents as readonly string[]).includes(t)) return NO;
          return refused.length === 0 ? YES : `${YES} (not: ${refused.join(', ')})`;
        },
      ],
    ),
    ['receive contents', (c) => list(c.receive.contents)],
    ['option `priority`', (c) => targets(c.send.options.priority)],
    ['option `recipients` (targeted)', (c) => targets(c.send.options.recipients)],
    ['option `onlineOnly`', (c) => targets(c.send.options.onlineOnly)],
    ['option `syncToSender: true`', (c) => targets(c.send.options.syncToSender.on)],
    ['option `syncToSender: false`', (c) => targets(c.send.options.syncToSender.off)],
    ['broadcast to every chat room', (c) => flag(c.send.options.broadcast)],
    ['recall', (c) => targets(c.recall.targets)],
    ['recall a broadcast', (c) => flag(c.recall.broadcast)],
    [
      'recipients per call',
      (c) =>
        Object.entries(c.limits.batchSizes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    ],
    ['targeted recipients per message', (c) => String(c.limits.maxTargetedRecipients)],
    ['message payload (bytes)', (c) => String(c.limits.maxMessageBytes)],
    ...MIGRATION_ROWS,
    ...RECONCILE_ROWS,
    [
      'before-callbacks answered within (ms)',
      (c) => (c.before.commands.length > 0 ? String(c.before.timeoutMs) : NO),
    ],
    [
      'before-callback wait set in the console (ms)',
      (c) =>
        c.before.commands.length > 0 && c.before.configurableWait
          ? `${c.before.configurableWait.minMs}–${c.before.configurableWait.maxMs}`
          : NO,
    ],
  ];
  const header = `| capability | ${providers.map((p) => p.displayName).join(' | ')} |`;
  const rule = `| --- | ${providers.map(() => '---').join(' | ')} |`;
  const body = rows.map(
    ([label, cell]) => `| ${label} | ${providers.map((p) => cell(p.capabilities)).join(' | ')} |`,
  );
  // Rate limits get their own table: one row per vendor API keeps the matrix readable.
  const limits = providers.flatMap((p) =>
    p.capabilities.limits.rateLimits.map((l) => `| ${p.displayName} | \`${l.api}\` | ${rate(l)} |`),
  );
  // Ids get their own table too: the rules' words are too long for the matrix's rows.
  const ids = ID_KINDS.map(
    (kind) => `| ${kind} | ${providers.map((p) => idRule(p.capabilities.ids[kind])).join(' | ')} |`,
  );
  return (
    [
      header,
      rule,
      ...body,
      '',
      '| provider | vendor API | limit per app |',
      '| --- | --- | --- |',
      ...limits,
      '',
      `| id kind | ${providers.map((p) => p.displayName).join(' | ')} |`,
      rule,
      ...ids,
      ...providers.flatMap(beforeTable),
    ].join('\n') + '\n'
  );
}

/**
 * A provider's before-callbacks: what the vendor does when no answer comes in time, then one row per
 * command with the decisions it honours (docs/before-callbacks.md).
 */
function beforeTable(p: ProviderDescription): string[] {
  const { timeoutMs, onTimeout, configurableWait, commands } = p.capabilities.before;
  const wait = configurableWait
    ? `${p.displayName} waits ${timeoutMs} ms for a before-callback's answer unless its console is set ` +
      `to wait longer or shorter (${configurableWait.minMs}–${configurableWait.maxMs} ms: the policy's ` +
      `\`vendorWaitMs\`).`
    : `${p.displayName} waits ${timeoutMs} ms for a before-callback's answer.`;
  const intro = `${wait} ${onTimeout}`;
  if (commands.length === 0) return ['', `${p.displayName} sends no before-callbacks.`];
  return [
    '',
    intro,
    '',
    `| ${p.displayName} before-callback | event | deny | reason shown | modify |`,
    '| --- | --- | --- | --- | --- |',
    ...commands.map(
      (c) =>
        `| \`${c.vendorKind}\` | \`${c.eventType}\` | ${flag(c.deny)} | ${flag(c.denyReason)} | ${list(c.modify)} |`,
    ),
  ];
}

export const CAPABILITY_MATRIX_START =
  '<!-- capability-matrix:start (generated: UPDATE_GOLDEN=1 rewrites it) -->';
export const CAPABILITY_MATRIX_END = '<!-- capability-matrix:end -->';

/** `doc` with the text between the matrix markers replaced by `table`; throws when a marker is missing. */
export function replaceCapabilityMatrix(doc: string, table: string): string {
  const start = doc.indexOf(CAPABILITY_MATRIX_START);
  const end = doc.indexOf(CAPABILITY_MATRIX_END);
  if (start < 0 || end < start) throw new Error('The capability matrix markers are missing.');
  return `${doc.slice(0, start + CAPABILITY_MATRIX_START.length)}\n\n${table}\n${doc.slice(end)}`;
}
