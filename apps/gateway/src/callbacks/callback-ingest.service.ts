import { Injectable, Logger } from '@nestjs/common';
import { IngestRepository, type EventEntity } from '@im-gateway/persistence';
import {
  CallbackRejectedError,
  ImGatewayError,
  type BeforeDecision,
  type CallbackOutcome,
  type CallbackReply,
  type CallbackRequest,
  type ImProvider,
  type NormalizedCallback,
} from '@im-gateway/types';
import { EchoMarker } from '../bridges/relay/echo-marker.js';
import { RelayPlanner } from '../bridges/relay/relay-planner.js';
import { RelayScheduler } from '../bridges/relay/relay.scheduler.js';
import { isDependencyDown } from '../common/error-body.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { DeliveryFanout } from '../endpoints/delivery/delivery-fanout.js';
import { DeliveryScheduler } from '../endpoints/delivery/delivery.scheduler.js';
import { statusOfErrorCode } from '../common/error-status.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { AppsService, type ResolvedApp } from '../tenancy/apps.service.js';
import { withSpan } from '../tracing/spans.js';
import {
  BeforeDecisionService,
  beforeCallbackOf,
  decisionOf,
  type MadeDecision,
} from './before-decision.service.js';
import { toRows, unstorableReason } from './callback-events.mapper.js';
import { StoredDecisionReader } from './stored-decision.reader.js';

/** Request headers worth keeping beside a raw callback (for audits); never credentials. */
const KEPT_HEADERS = ['content-type', 'user-agent', 'x-forwarded-for', 'x-real-ip'];

/** The entries of a query or header map that have a value. */
function definedEntries(map: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface IncomingCallback extends Omit<CallbackRequest, 'query'> {
  /** False when the body was not valid JSON, or was refused as it was read (see `refusal`). */
  parsed: boolean;
  /** Why a body that was read can never be stored (nested too deep, a NUL character). */
  refusal?: CallbackRejectedError;
  /** The query as parsed: a parameter given more than once is an array. */
  query: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The name of the first query parameter given more than once. Providers read one value per parameter (a
 * signature, a routing command); which copy a repeated one stands for is ambiguous, so such a callback is
 * refused before any provider sees it.
 */
function repeatedParameter(query: IncomingCallback['query']): string | undefined {
  return Object.keys(query).find((name) => Array.isArray(query[name]));
}

/**
 * Accepting a vendor callback: verify, normalize, mark the echoes of bridge relays, store the raw callback,
 * its events, their deliveries (one per subscribed endpoint) and relays (one per bridge that carries a new
 * message or recall) in one transaction, and only then answer the vendor "ok". A vendor is never told "ok" for something not stored
 * (both vendors retry a failed callback: Easemob once at once, Tencent per its console setting).
 * A before-callback of an app with a before-policy is decided before the store (`BeforeDecisionService`),
 * and its decision is stored on the event and answered after the commit like any other outcome.
 */
@Injectable()
export class CallbackIngestService {
  private readonly logger = new Logger(CallbackIngestService.name);

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly apps: AppsService,
    private readonly ingest: IngestRepository,
    private readonly metrics: MetricsService,
    private readonly fanout: DeliveryFanout,
    private readonly scheduler: DeliveryScheduler,
    private readonly echoMarker: EchoMarker,
    private readonly relayPlanner: RelayPlanner,
    private readonly relayScheduler: RelayScheduler,
    private readonly settings: GatewaySettingsRef,
    private readonly decisions: BeforeDecisionService,
    private readonly storedDecisions: StoredDecisionReader,
  ) {}

  /** One span per callback: its store, and later each delivery attempt it causes, belong to its trace. */
  handle(providerName: string, appId: string, request: IncomingCallback): Promise<CallbackReply> {
    const attributes = { 'imgw.provider': providerName, 'imgw.app.id': appId };
    return withSpan('callback.ingest', attributes, () => this.ingestCallback(providerName, appId, request));
  }

  private async ingestCallback(
    providerName: string,
    appId: string,
    request: IncomingCallback,
  ): Promise<CallbackReply> {
    const provider = this.registry.find(providerName);
    if (!provider) {
      return {
        status: 404,
        body: { error: { code: 'route_not_found', message: `No provider "${providerName}".` } },
      };
    }
    const resolved = await this.resolveApp(provider, appId);
    if ('reply' in resolved) return resolved.reply;
    if (request.refusal) return this.reject(provider, request.refusal, appId);
    if (!request.parsed)
      return this.reject(
        provider,
        new CallbackRejectedError('invalid_json', 'The callback body is not valid JSON.'),
      );

    const repeated = repeatedParameter(request.query);
    if (repeated !== undefined)
      return this.reject(
        provider,
        new CallbackRejectedError(
          'callback_malformed',
          `Query parameter ${repeated} is given more than once.`,
        ),
        appId,
      );
    const callback: CallbackRequest = {
      ...request,
      query: request.query as Record<string, string | undefined>,
    };

    const callbackWindowSeconds = this.settings.value.callbackWindowSeconds[provider.name];
    const context = {
      appId,
      config: resolved.config,
      now: new Date(),
      ...(callbackWindowSeconds === undefined ? {} : { callbackWindowSeconds }),
    };
    let normalized: NormalizedCallback;
    try {
      provider.verifyCallback(callback, context);
      normalized = provider.normalizeCallback(callback, context);
    } catch (error) {
      if (error instanceof CallbackRejectedError) return this.reject(provider, error, appId);
      throw error;
    }
    return this.store(provider, appId, callback, normalized, context.now);
  }

  private async resolveApp(
    provider: ImProvider,
    appId: string,
  ): Promise<ResolvedApp | { reply: CallbackReply }> {
    try {
      const resolved = await this.apps.resolve(appId);
      if (resolved.app.provider === provider.name) return resolved;
    } catch (error) {
      if (isDependencyDown(error)) return { reply: this.unavailable(provider, error) };
      if (!(error instanceof ImGatewayError && error.code === 'not_found')) throw error;
    }
    this.count(provider, 'rejected', 'not_found');
    return {
      reply: provider.callbackReply({
        kind: 'rejected',
        status: 404,
        code: 'not_found',
        message: `No ${provider.name} app ${appId}.`,
      }),
    };
  }

  private async store(
    provider: ImProvider,
    appId: string,
    request: CallbackRequest,
    normalized: NormalizedCallback,
    now: Date,
  ): Promise<CallbackReply> {
    const rows = toRows({
      appId,
      provider: provider.name,
      rawBody: request.rawBody,
      query: definedEntries(request.query),
      headers: definedEntries(Object.fromEntries(KEPT_HEADERS.map((h) => [h, request.headers[h]]))),
      normalized,
      receivedAt: now.toISOString(),
    });
    const { callback } = rows;
    let events = rows.events;
    // Checked on every engine alike: PostgreSQL would refuse the rows, and that is no outage to retry.
    const unstorable = unstorableReason(callback, events);
    if (unstorable)
      return this.reject(provider, new CallbackRejectedError('callback_malformed', unstorable), appId);
    let result;
    let deliveries;
    let relays;
    let made: MadeDecision | undefined;
    try {
      made = await this.decideBefore(provider, appId, request, normalized, events, now);
      // Echo marking first: the relay planner relays no echo, and fan-out may leave out what a bridge caused
      // (`data.relay`, which the marked events carry and the stored events keep).
      const marked = await this.echoMarker.mark(appId, events);
      events = marked.events;
      relays = await this.relayPlanner.plan(appId, marked, callback.receivedAt);
      // The deliveries keep this span's traceparent: their attempts, later, join the callback's trace.
      const [toStore, planned] = [events, relays];
      [deliveries, result] = await withSpan('callback.store', { 'imgw.app.id': appId }, async () => {
        const fanned = await this.fanout.deliveriesFor(appId, toStore, callback.receivedAt);
        const stored = await this.ingest.store({
          callback,
          events: toStore,
          deliveries: fanned,
          relays: planned,
        });
        return [fanned, stored] as const;
      });
    } catch (error) {
      // Only an outage is worth the vendor's retry; anything else is a fault of ours (500, logged).
      if (isDependencyDown(error)) return this.unavailable(provider, error);
      throw error;
    }
    if (result === 'duplicate') {
      this.count(provider, 'duplicate');
      // A retry gets the first answer: the decision stored with the first copy, not a new one.
      const first = made && (await this.firstDecision(appId, made, normalized));
      if (first && first.action !== 'allow') {
        try {
          return provider.decisionReply(normalized, request, first);
        } catch (error) {
          // It was answerable the first time; a provider that changed since cannot break the retry.
          this.logger.warn({ appId, err: error }, 'stored decision not answerable; acking the retry');
        }
      }
      return provider.callbackReply({ kind: 'duplicate', normalized });
    }
    this.count(provider, 'accepted');
    this.logger.log(
      {
        provider: provider.name,
        appId,
        callbackId: callback.id,
        events: events.length,
        deliveries: deliveries.length,
        relays: relays.length,
      },
      'callback stored',
    );
    void this.scheduler.wake(deliveries.map((d) => ({ id: d.id, dueAt: d.nextAttemptAt })));
    void this.relayScheduler.wake(relays.map((r) => ({ id: r.id, dueAt: r.nextAttemptAt })));
    for (const e of events) this.metrics.events.inc({ provider: provider.name, type: e.type });
    if (made?.reply) return made.reply;
    const outcome: CallbackOutcome = { kind: 'accepted', normalized };
    return provider.callbackReply(outcome);
  }

  /**
   * For a before-callback of an app with a policy: the decision, put on the `.requested` event as
   * `data.decision` so that it is stored (and delivered) with it. Undefined for any other callback, and
   * for an app without a policy, whose before-callbacks are answered as they always were.
   */
  private async decideBefore(
    provider: ImProvider,
    appId: string,
    request: CallbackRequest,
    normalized: NormalizedCallback,
    events: EventEntity[],
    receivedAt: Date,
  ): Promise<MadeDecision | undefined> {
    const before = beforeCallbackOf(
      provider,
      normalized,
      events.map((e) => e.body),
    );
    if (!before) return undefined;
    const policy = await this.decisions.policyFor(appId);
    if (!policy) return undefined;
    const made = await this.decisions.decide(provider, policy, before, { normalized, request }, receivedAt);
    before.event.data = { ...before.event.data, decision: made.stored };
    return made;
  }

  /** The decision stored with the first copy of a retried before-callback (absent: stored before a policy). */
  private async firstDecision(
    appId: string,
    made: MadeDecision,
    normalized: NormalizedCallback,
  ): Promise<BeforeDecision | undefined> {
    const dedupeKey = normalized.events.find((e) => e.type.endsWith('.requested'))?.dedupeKey;
    if (dedupeKey === undefined) return made.decision;
    try {
      const stored = await this.storedDecisions.find(appId, dedupeKey);
      return stored ? decisionOf(stored) : undefined;
    } catch (error) {
      // The retry is answered anyway; this copy's own decision is the best guess of the first.
      this.logger.warn({ appId, err: error }, 'stored decision not read; answering with a new one');
      return made.decision;
    }
  }

  private reject(provider: ImProvider, error: CallbackRejectedError, appId?: string): CallbackReply {
    // The body is not trusted: it is neither stored nor published, only counted and logged.
    this.count(provider, 'rejected', error.code);
    this.logger.warn(
      { provider: provider.name, appId, code: error.code },
      `callback rejected: ${error.message}`,
    );
    return provider.callbackReply({
      kind: 'rejected',
      status: statusOfErrorCode(error.code),
      code: error.code,
      message: error.message,
    });
  }

  private unavailable(provider: ImProvider, error: unknown): CallbackReply {
    this.count(provider, 'unavailable');
    this.logger.error({ provider: provider.name, err: error }, 'callback not stored: database unavailable');
    return provider.callbackReply({
      kind: 'unavailable',
      message: 'The database is unavailable; retry later.',
    });
  }

  private count(provider: ImProvider, outcome: string, code = ''): void {
    this.metrics.callbacks.inc({ provider: provider.name, outcome, code });
  }
}
