import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ImGatewayError,
  type BeforeCommandSupport,
  type BeforeDecision,
  type CallbackReply,
  type CallbackRequest,
  type ImProvider,
  type NormalizedCallback,
  type UnifiedEvent,
} from '@im-gateway/types';
import { BeforePolicyService } from '../before-policy/before-policy.service.js';
import type { BeforePolicy, StoredDecision } from '../before-policy/before-policy.types.js';
import { decideByRules } from '../before-policy/before-rules.engine.js';
import { vendorWaitOf } from '../before-policy/before-policy.validator.js';
import { DecisionEndpointClient } from '../before-policy/decision-endpoint.client.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { canHonour, decisionBudgetMs, fallbackDecision } from './before-decision.js';

/** A before-callback as the decision sees it: its command, and the `.requested` event it is about. */
export interface BeforeCallback {
  support: BeforeCommandSupport;
  event: UnifiedEvent;
}

export interface MadeDecision {
  decision: BeforeDecision;
  stored: StoredDecision;
  /** The vendor's answer for a deny or modify; absent for allow (the provider's ordinary ack). */
  reply?: CallbackReply;
}

/** The command a normalized callback is, when it is a before-callback the provider declares. */
export function beforeCallbackOf(
  provider: ImProvider,
  normalized: NormalizedCallback,
  events: readonly UnifiedEvent[],
): BeforeCallback | undefined {
  const support = provider.capabilities.before.commands.find((c) => c.vendorKind === normalized.vendorKind);
  if (!support) return undefined;
  const event =
    events.find((e) => e.type === support.eventType) ?? events.find((e) => e.type.endsWith('.requested'));
  return event ? { support, event } : undefined;
}

/** The decision a stored one stands for (a vendor retry is answered with it). */
export function decisionOf(stored: StoredDecision): BeforeDecision {
  if (stored.action === 'deny')
    return { action: 'deny', ...(stored.reason ? { reason: stored.reason } : {}) };
  if (stored.action === 'modify' && stored.message) return { action: 'modify', message: stored.message };
  return { action: 'allow' };
}

/**
 * Decides a before-callback for an app with a policy (docs/before-callbacks.md): the first matching rule;
 * else the decision endpoint, within its budget; else allow. An endpoint that fails, or a decision the
 * vendor's command cannot honour, yields the app's `onError` (source `fallback`). Never longer than the
 * budget: the vendor waits only so long (the app's `vendorWaitMs`, else `capabilities.before.timeoutMs`)
 * and is never answered late.
 */
@Injectable()
export class BeforeDecisionService implements OnModuleDestroy {
  private readonly logger = new Logger(BeforeDecisionService.name);
  private readonly client: DecisionEndpointClient;

  constructor(
    private readonly policies: BeforePolicyService,
    private readonly metrics: MetricsService,
    settings: GatewaySettingsRef,
  ) {
    this.client = new DecisionEndpointClient(settings.value.endpointsAllowPrivate);
  }

  /** The app's policy (a cached lookup); null: no policy, and before-callbacks are answered as always. */
  policyFor(appId: string): Promise<BeforePolicy | null> {
    return this.policies.policyFor(appId);
  }

  /**
   * The decision and the vendor's answer for it, both made before anything is stored, so that what is
   * stored is what the vendor is told. `receivedAt`: when the callback arrived; the vendor's wait is
   * counted from then.
   */
  async decide(
    provider: ImProvider,
    policy: BeforePolicy,
    callback: BeforeCallback,
    vendor: { normalized: NormalizedCallback; request: CallbackRequest },
    receivedAt: Date,
  ): Promise<MadeDecision> {
    const started = performance.now();
    const made = this.withReply(
      provider,
      policy,
      callback.support,
      vendor,
      await this.make(provider, policy, callback, receivedAt),
    );
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    const stored = { ...made.stored, tookMs };
    this.metrics.beforeDecisions.inc({
      provider: provider.name,
      action: stored.action,
      source: stored.source,
    });
    this.metrics.beforeDecisionDuration.observe(
      { provider: provider.name, source: stored.source },
      tookMs / 1000,
    );
    return { ...made, stored };
  }

  /**
   * The vendor's answer for a decision. The provider refuses what its vendor cannot carry (an Easemob
   * message of two contents, a payload over the vendor's size limit): the fallback is answered then.
   */
  private withReply(
    provider: ImProvider,
    policy: BeforePolicy,
    support: BeforeCommandSupport,
    { normalized, request }: { normalized: NormalizedCallback; request: CallbackRequest },
    made: MadeDecision,
  ): MadeDecision {
    if (made.decision.action === 'allow') return made;
    try {
      return { ...made, reply: provider.decisionReply(normalized, request, made.decision) };
    } catch (error) {
      if (!(error instanceof ImGatewayError)) throw error;
      this.logger.warn(
        { provider: provider.name, vendorKind: normalized.vendorKind, code: error.code },
        `decision not answerable: ${error.message}`,
      );
      const decision = fallbackDecision(policy.onError, support);
      const code = error.code === 'payload_too_large' ? 'payload_too_large' : 'unsupported_action';
      const fallback: MadeDecision = {
        decision,
        stored: {
          action: decision.action,
          source: 'fallback',
          error: code,
          ...(made.stored.ruleId ? { ruleId: made.stored.ruleId } : {}),
          tookMs: 0,
        },
      };
      return decision.action === 'allow'
        ? fallback
        : { ...fallback, reply: provider.decisionReply(normalized, request, decision) };
    }
  }

  private async make(
    provider: ImProvider,
    policy: BeforePolicy,
    { support, event }: BeforeCallback,
    receivedAt: Date,
  ): Promise<MadeDecision> {
    const fallback = (error: string, ruleId?: string): MadeDecision => {
      const decision = fallbackDecision(policy.onError, support);
      return {
        decision,
        stored: {
          action: decision.action,
          source: 'fallback',
          error,
          ...(ruleId ? { ruleId } : {}),
          tookMs: 0,
        },
      };
    };
    const byRule = decideByRules(policy, event);
    if (byRule) {
      if (!canHonour(support, byRule.decision, event.message))
        return fallback('unsupported_action', byRule.ruleId);
      return { decision: byRule.decision, stored: stored(byRule.decision, 'rule', byRule.ruleId) };
    }
    const endpoint = policy.decisionEndpoint;
    if (!endpoint) return { decision: { action: 'allow' }, stored: stored({ action: 'allow' }, 'default') };

    const budget = decisionBudgetMs(
      endpoint.timeoutMs,
      vendorWaitOf(policy, provider.capabilities.before),
      Date.now() - receivedAt.getTime(),
    );
    const outcome = await this.client.ask(endpoint, event, budget);
    if ('error' in outcome) {
      this.logger.warn(
        {
          provider: provider.name,
          appId: event.appId,
          eventId: event.id,
          error: outcome.error,
          budgetMs: budget,
        },
        `decision endpoint gave no decision: ${outcome.detail}`,
      );
      return fallback(outcome.error);
    }
    if (!canHonour(support, outcome.decision, event.message)) return fallback('unsupported_action');
    return { decision: outcome.decision, stored: stored(outcome.decision, 'endpoint') };
  }

  onModuleDestroy(): void {
    this.client.close();
  }
}

function stored(decision: BeforeDecision, source: StoredDecision['source'], ruleId?: string): StoredDecision {
  return {
    action: decision.action,
    source,
    ...(ruleId ? { ruleId } : {}),
    ...(decision.action === 'deny' && decision.reason ? { reason: decision.reason } : {}),
    ...(decision.action === 'modify' ? { message: decision.message } : {}),
    tookMs: 0,
  };
}
