import { describe, expect, it } from '@jest/globals';
import type {
  HistoryMessage,
  ImProvider,
  ProviderCapabilities,
  ReconcileCapabilities,
  ReconciliationApi,
  UnifiedEventDraft,
} from '@im-gateway/types';
import { renderCapabilityMatrix } from '../capability-matrix.js';
import { reconcileDeclarationProblems, recoveredEventProblems } from './conformance.reconcile.js';

const declaration = (sources: ReconcileCapabilities['sources'] = ['export', 'conversations']) => ({
  sources,
  windowDays: 7,
  exportDelayMinutes: 120,
  everyMinutes: 60,
});

const RAW = { id: 'm1', body: 'hi' };
const MESSAGE: HistoryMessage = {
  messageId: 'm1',
  conversation: { type: 'direct', id: 'b' },
  from: 'a',
  to: 'b',
  sentAt: Date.UTC(2026, 0, 1),
  contents: [{ type: 'text', text: 'hi' }],
  raw: RAW,
};

/** What a correct provider recovers: the callback's events, marked and keyed. */
function recovered(message: HistoryMessage, { source }: { source: string }): UnifiedEventDraft[] {
  const occurredAt = new Date(message.sentAt).toISOString();
  const sent: UnifiedEventDraft = {
    type: 'message.sent',
    occurredAt,
    dedupeKey: `recovered:message.sent:${message.messageId}`,
    conversation: message.conversation,
    actor: message.from,
    message: {
      id: message.messageId,
      from: message.from,
      to: message.to,
      sentAt: occurredAt,
      contents: message.contents,
    },
    data: { recovered: { source } },
    raw: message.raw,
  };
  if (!message.recalled) return [sent];
  return [
    sent,
    {
      type: 'message.recalled',
      occurredAt,
      dedupeKey: `recovered:message.recalled:${message.messageId}`,
      data: { messageId: message.messageId, recovered: { source } },
      raw: message.raw,
    },
  ];
}

const history = () => Promise.resolve({ items: [], next: null });

function provider(
  reconcile: ReconcileCapabilities | undefined,
  api: Partial<ReconciliationApi<object>> | null = {
    recoveredEvents: recovered,
    conversationHistory: history,
  },
  readsHistory = true,
): ImProvider<object> {
  return {
    name: 'fake',
    displayName: 'Fake',
    apiLimits: [],
    capabilities: { ...(reconcile ? { reconcile } : {}) } as ProviderCapabilities,
    ...(readsHistory ? { migration: { reader: { history }, writer: {} } } : {}),
    ...(api ? { reconciliation: api } : {}),
  } as unknown as ImProvider<object>;
}

describe('reconcile declarations', () => {
  it('pass a complete declaration, and a provider that offers no reconciliation at all', () => {
    expect(reconcileDeclarationProblems(provider(declaration()))).toEqual([]);
    expect(
      reconcileDeclarationProblems(provider(declaration(['export']), { recoveredEvents: recovered })),
    ).toEqual([]);
    expect(reconcileDeclarationProblems(provider(undefined, null))).toEqual([]);
  });

  it.each([
    ['an API without a declaration', provider(undefined), /reconciliation exists but capabilities.reconcile/],
    ['a declaration without the API', provider(declaration(), null), /provider.reconciliation is missing/],
    [
      'conversations without conversationHistory',
      provider(declaration(), { recoveredEvents: recovered }),
      /"conversations" but reconciliation.conversationHistory is missing/,
    ],
    [
      'conversationHistory without conversations',
      provider(declaration(['export'])),
      /conversationHistory exists but reconcile.sources lacks "conversations"/,
    ],
    [
      'export without a history reader',
      provider(declaration(), undefined, false),
      /"export" but migration.reader.history is missing/,
    ],
    [
      'no recoveredEvents',
      provider(declaration(), { conversationHistory: history }),
      /recoveredEvents is missing/,
    ],
    ['a zero window', provider({ ...declaration(), windowDays: 0 }), /windowDays must be positive/],
    ['a negative delay', provider({ ...declaration(), exportDelayMinutes: -1 }), /must not be negative/],
    ['no schedule', provider({ ...declaration(), everyMinutes: 0 }), /everyMinutes must be positive/],
    [
      'an unknown source',
      provider({ ...declaration(), sources: ['export', 'conversations', 'webhooks'] as never }),
      /"webhooks", not a reconcile source/,
    ],
  ])('fail for %s', (_name, subject, problem) => {
    expect(reconcileDeclarationProblems(subject).join('; ')).toMatch(problem);
  });
});

describe('recovered events', () => {
  const good = provider(declaration());
  const recall = { ...MESSAGE, messageId: 'm2', recalled: true };

  it('pass events that are valid, marked, carry the record and the callback’s message keys', () => {
    expect(recoveredEventProblems(good, [MESSAGE, recall])).toEqual([]);
  });

  it('need messages to recover from when reconciliation is declared', () => {
    expect(recoveredEventProblems(good, [])).toEqual([
      'no history messages to recover events from were given',
    ]);
    expect(recoveredEventProblems(provider(undefined, null), [])).toEqual([]);
  });

  const broken = (change: (events: UnifiedEventDraft[]) => UnifiedEventDraft[]) =>
    provider(declaration(), {
      recoveredEvents: (m, r) => change(recovered(m, r)),
      conversationHistory: history,
    });
  const first = (events: UnifiedEventDraft[], patch: Partial<UnifiedEventDraft>) => [
    { ...events[0]!, ...patch },
    ...events.slice(1),
  ];

  it.each([
    [
      'no marker',
      broken((e) => first(e, { data: {} })),
      /m1 \(export\) event 0: data.recovered is undefined/,
    ],
    [
      'the wrong source',
      broken((e) => first(e, { data: { recovered: { source: 'export' } } })),
      /m1 \(conversations\) event 0: data.recovered is \{"source":"export"\}/,
    ],
    ['another raw', broken((e) => first(e, { raw: { ...RAW } })), /raw is not the history record/],
    [
      'a callback-style dedupe key',
      broken((e) => first(e, { dedupeKey: 'C2C:m1' })),
      /dedupeKey is "C2C:m1"/,
    ],
    [
      'an offline copy instead of the sent message',
      broken((e) => first(e, { data: { ...e[0]!.data, offline: true } })),
      /message keys \[\], not \["sent:m1"\]/,
    ],
    ['an invalid event', broken((e) => first(e, { occurredAt: 'yesterday' })), /event 0: invalid event/],
    [
      'no recall for a recalled message',
      broken((e) => e.slice(0, 1)),
      /m2 \(export\): yields \["message.sent"\]/,
    ],
    [
      'a throw',
      provider(declaration(), {
        recoveredEvents: () => {
          throw new TypeError('boom');
        },
        conversationHistory: history,
      }),
      /recoveredEvents threw TypeError: boom/,
    ],
  ])('fail for %s', (_name, subject, problem) => {
    expect(recoveredEventProblems(subject, [MESSAGE, recall]).join('; ')).toMatch(problem);
  });
});

describe('capability matrix reconcile rows', () => {
  it('shows the sources, window, delay and schedule, and — for a provider without reconciliation', () => {
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
      { name: 'a', displayName: 'A', capabilities: { ...base, reconcile: declaration() } },
      { name: 'b', displayName: 'B', capabilities: base },
    ]);
    expect(table).toContain('| reconcile: history sources | export, conversations | — |');
    expect(table).toContain('| reconcile: window (days) / delay / every (min) | 7 / 120 / 60 | — |');
  });
});
