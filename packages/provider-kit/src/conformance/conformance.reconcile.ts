import { isDeepStrictEqual } from 'node:util';
import {
  messageKeysOf,
  unifiedEventProblems,
  type HistoryMessage,
  type ImProvider,
  type ReconcileSource,
} from '@im-gateway/types';
import { ConformanceError, type ConformanceCheck, type ConformanceSubject } from './conformance.types.js';

const SOURCES: ReadonlySet<string> = new Set<ReconcileSource>(['export', 'conversations']);

const isFunction = (value: unknown) => typeof value === 'function';

/**
 * What is wrong with a provider's reconciliation declarations, as sentences naming the field; empty when
 * nothing is. The API is present exactly when `capabilities.reconcile` is; `conversations` is a source
 * exactly when `conversationHistory` exists; `export` is read through `migration.reader.history`.
 */
export function reconcileDeclarationProblems<Config extends object>(provider: ImProvider<Config>): string[] {
  const declared = provider.capabilities.reconcile;
  const api = provider.reconciliation as unknown as Record<string, unknown> | undefined;
  if (!declared)
    return api ? ['provider.reconciliation exists but capabilities.reconcile is not declared'] : [];
  if (!api) return ['capabilities.reconcile is declared but provider.reconciliation is missing'];
  const problems: string[] = [];
  if (!isFunction(api['recoveredEvents'])) problems.push('reconciliation.recoveredEvents is missing');
  if (declared.sources.length === 0) problems.push('reconcile.sources is empty');
  for (const source of declared.sources)
    if (!SOURCES.has(source)) problems.push(`reconcile.sources has "${source}", not a reconcile source`);
  if (new Set(declared.sources).size !== declared.sources.length)
    problems.push('reconcile.sources lists a source twice');
  const conversations = declared.sources.includes('conversations');
  if (conversations && !isFunction(api['conversationHistory']))
    problems.push('reconcile.sources has "conversations" but reconciliation.conversationHistory is missing');
  if (!conversations && api['conversationHistory'] !== undefined)
    problems.push('reconciliation.conversationHistory exists but reconcile.sources lacks "conversations"');
  const reader = (provider.migration as unknown as { reader?: Record<string, unknown> } | undefined)?.reader;
  if (declared.sources.includes('export') && !isFunction(reader?.['history']))
    problems.push('reconcile.sources has "export" but migration.reader.history is missing');
  if (!(declared.windowDays > 0)) problems.push('reconcile.windowDays must be positive');
  if (!(declared.exportDelayMinutes >= 0)) problems.push('reconcile.exportDelayMinutes must not be negative');
  if (!(declared.everyMinutes > 0)) problems.push('reconcile.everyMinutes must be positive');
  return problems;
}

function eventsOf<Config extends object>(
  provider: ImProvider<Config>,
  message: HistoryMessage,
  source: ReconcileSource,
): ReturnType<NonNullable<ImProvider<Config>['reconciliation']>['recoveredEvents']> | string {
  try {
    return provider.reconciliation!.recoveredEvents(message, { source });
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

/**
 * What is wrong with the events a provider recovers from `messages` (history messages as its readers return
 * them) for each declared source: each must yield a valid `message.sent` draft for the message (and a
 * `message.recalled` for a recalled one), marked `data.recovered`, with the history record as `raw`, the
 * `recovered:<type>:<messageId>` dedupe key and the message keys a callback of the message records.
 */
export function recoveredEventProblems<Config extends object>(
  provider: ImProvider<Config>,
  messages: readonly HistoryMessage[],
): string[] {
  const declared = provider.capabilities.reconcile;
  if (!declared || !provider.reconciliation) return [];
  if (messages.length === 0) return ['no history messages to recover events from were given'];
  const problems: string[] = [];
  for (const message of messages)
    for (const source of declared.sources) {
      const where = `${message.messageId} (${source})`;
      const events = eventsOf(provider, message, source);
      if (typeof events === 'string') {
        problems.push(`${where}: recoveredEvents ${events}`);
        continue;
      }
      const types = events.map((e) => e.type);
      const expected = message.recalled ? ['message.sent', 'message.recalled'] : ['message.sent'];
      if (!isDeepStrictEqual(types, expected)) {
        problems.push(`${where}: yields ${JSON.stringify(types)}, not ${JSON.stringify(expected)}`);
        continue;
      }
      events.forEach((event, i) => {
        const at = `${where} event ${i}`;
        for (const p of unifiedEventProblems(event)) problems.push(`${at}: invalid event: ${p}`);
        if (!isDeepStrictEqual(event.data['recovered'], { source }))
          problems.push(`${at}: data.recovered is ${JSON.stringify(event.data['recovered'])}`);
        if (event.raw !== message.raw) problems.push(`${at}: raw is not the history record`);
        if (event.dedupeKey !== `recovered:${event.type}:${message.messageId}`)
          problems.push(`${at}: dedupeKey is "${event.dedupeKey}"`);
        const keys = messageKeysOf(event);
        const wanted = [`${event.type === 'message.sent' ? 'sent' : 'recalled'}:${message.messageId}`];
        if (!isDeepStrictEqual(keys, wanted))
          problems.push(`${at}: message keys ${JSON.stringify(keys)}, not ${JSON.stringify(wanted)}`);
      });
    }
  return problems;
}

/** The reconciliation checks, run for every provider (they pass trivially for one that declares none). */
export function reconcileChecks<Config extends object>(
  subject: ConformanceSubject<Config>,
): ConformanceCheck[] {
  const fail = (problems: string[]) => {
    if (problems.length > 0) throw new ConformanceError(`reconcile: ${problems.join('; ')}`);
  };
  return [
    {
      name: 'reconcile: declarations match the reconciliation API',
      run: () => fail(reconcileDeclarationProblems(subject.provider)),
    },
    {
      name: 'reconcile: recovered events are valid, marked, and keyed as the callback’s',
      run: () => fail(recoveredEventProblems(subject.provider, subject.historyMessages ?? [])),
    },
  ];
}
