import { Injectable } from '@nestjs/common';
import {
  IngestRepository,
  MessageReceiptRepository,
  type EventEntity,
  type UnreadableEntry,
} from '@im-gateway/persistence';
import {
  messageKeysOf,
  type HistoryMessage,
  type ReconcileSource,
  type UnifiedEventDraft,
} from '@im-gateway/types';
import { EchoMarker } from '../bridges/relay/echo-marker.js';
import { RelayPlanner } from '../bridges/relay/relay-planner.js';
import { RelayScheduler } from '../bridges/relay/relay.scheduler.js';
import { eventRow, unstorableEventReason } from '../callbacks/callback-events.mapper.js';
import { DeliveryFanout } from '../endpoints/delivery/delivery-fanout.js';
import { DeliveryScheduler } from '../endpoints/delivery/delivery.scheduler.js';
import { MetricsService } from '../metrics/metrics.service.js';
import type { ResolvedApp } from '../tenancy/apps.service.js';

/** What one page of history came to. `seen` = matched + recovered + unreadable. */
export interface PageOutcome {
  seen: number;
  matched: number;
  recovered: number;
  unreadable: UnreadableEntry[];
}

/** Examples kept per unreadable reason: enough to find them, small whatever the count. */
const EXAMPLES = 5;

/**
 * Adds `count` of `reason` (with its examples) to a report's unreadable list, merging equal reasons: one
 * message on a page, or a page's entry into the run's report.
 */
export function addUnreadable(list: UnreadableEntry[], { reason, count, examples }: UnreadableEntry): void {
  let entry = list.find((e) => e.reason === reason);
  if (!entry) list.push((entry = { reason, count: 0, examples: [] }));
  entry.count += count;
  for (const example of examples)
    if (entry.examples.length < EXAMPLES && !entry.examples.includes(example)) entry.examples.push(example);
}

/**
 * Recovering one page of a vendor's history: each message is turned back into the events its callbacks
 * would have produced (by the provider, with the normalizer of the live path), those whose message keys the
 * app already stores are matched, and the rest are stored as the callback would have stored them — echo
 * marking, fan-out to endpoints and bridge relays included — in one transaction that takes each message's
 * receipt first, so a message is stored once however many runs (or a late callback) race for it.
 */
@Injectable()
export class HistoryRecovery {
  constructor(
    private readonly ingest: IngestRepository,
    private readonly receipts: MessageReceiptRepository,
    private readonly echoMarker: EchoMarker,
    private readonly relayPlanner: RelayPlanner,
    private readonly fanout: DeliveryFanout,
    private readonly deliveries: DeliveryScheduler,
    private readonly relays: RelayScheduler,
    private readonly metrics: MetricsService,
  ) {}

  async recover(
    app: ResolvedApp,
    runId: string,
    messages: readonly HistoryMessage[],
    source: ReconcileSource,
  ): Promise<PageOutcome> {
    const outcome: PageOutcome = { seen: 0, matched: 0, recovered: 0, unreadable: [] };
    const api = app.provider.reconciliation;
    const now = new Date().toISOString();
    // A vendor's export may hold a message twice (Easemob says so): the first copy stands for it.
    const unique = [...new Map(messages.map((m) => [m.messageId, m])).values()];
    const candidates: { message: HistoryMessage; drafts: UnifiedEventDraft[] }[] = [];
    for (const message of unique) {
      outcome.seen += 1;
      try {
        const drafts = api ? api.recoveredEvents(message, { source }) : [];
        if (drafts.length === 0) throw new Error('The provider made no event of it.');
        candidates.push({ message, drafts });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        addUnreadable(outcome.unreadable, { reason, count: 1, examples: [message.messageId] });
      }
    }
    const keys = candidates.flatMap((c) => c.drafts.flatMap(messageKeysOf));
    const known = await this.receipts.known(app.app.id, keys);
    const rows: EventEntity[] = [];
    const byMessage = new Map<string, string>();
    for (const { message, drafts } of candidates) {
      const missing = drafts.filter((d) => messageKeysOf(d).some((k) => !known.has(k)));
      if (missing.length === 0) {
        outcome.matched += 1;
        continue;
      }
      const made = missing.map((draft) => {
        const recovered = { ...(draft.data['recovered'] as object), runId };
        return eventRow(
          { ...draft, data: { ...draft.data, recovered } },
          app.app.id,
          app.app.provider,
          now,
          null,
        );
      });
      // What a callback would be refused for (an id longer than its column) cannot be recovered either.
      const unstorable = made.map(unstorableEventReason).find((r) => r !== undefined);
      if (unstorable) {
        addUnreadable(outcome.unreadable, {
          reason: `The message's ${unstorable}`,
          count: 1,
          examples: [message.messageId.slice(0, 100)],
        });
        continue;
      }
      for (const row of made) {
        rows.push(row);
        byMessage.set(row.id, message.messageId);
      }
    }
    if (rows.length > 0) {
      const marked = await this.echoMarker.mark(app.app.id, rows);
      const relays = await this.relayPlanner.plan(app.app.id, marked, now);
      const deliveries = await this.fanout.deliveriesFor(app.app.id, marked.events, now);
      const stored = new Set(await this.ingest.storeRecovered({ events: marked.events, deliveries, relays }));
      const recoveredMessages = new Set([...stored].map((id) => byMessage.get(id)));
      outcome.recovered = recoveredMessages.size;
      // A message whose events another run (or a late callback) stored first was there after all.
      outcome.matched += new Set(byMessage.values()).size - recoveredMessages.size;
      void this.deliveries.wake(
        deliveries.filter((d) => stored.has(d.eventId)).map((d) => ({ id: d.id, dueAt: d.nextAttemptAt })),
      );
      void this.relays.wake(
        relays
          .filter((r) => stored.has(r.originEventId ?? ''))
          .map((r) => ({ id: r.id, dueAt: r.nextAttemptAt })),
      );
      for (const e of marked.events)
        if (stored.has(e.id)) this.metrics.events.inc({ provider: app.app.provider, type: e.type });
    }
    const provider = app.app.provider;
    this.metrics.reconciliationMessages.inc({ provider, outcome: 'matched' }, outcome.matched);
    this.metrics.reconciliationMessages.inc({ provider, outcome: 'recovered' }, outcome.recovered);
    const unreadable = outcome.unreadable.reduce((n, e) => n + e.count, 0);
    if (unreadable > 0)
      this.metrics.reconciliationMessages.inc({ provider, outcome: 'unreadable' }, unreadable);
    return outcome;
  }
}
