import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { newId, nowIso } from '@im-gateway/persistence';
import { ImGatewayError } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import type { BeforePolicyDryRunDto, BeforePolicyDryRunResponseDto } from './before-policy.dto.js';
import { dryRunEvent } from './before-policy.dry-run-event.js';
import { BeforePolicyService } from './before-policy.service.js';
import type { BeforeRule } from './before-policy.types.js';
import { decideByRules } from './before-rules.engine.js';
import { DecisionEndpointClient } from './decision-endpoint.client.js';

/** Dry runs: what a policy decides for an event, and which rule (or the endpoint) decided. */
@Injectable()
export class BeforePolicyDryRun implements OnModuleDestroy {
  /** For dry runs that ask the decision endpoint (`callEndpoint`); the callback path has its own. */
  private readonly endpointClient: DecisionEndpointClient;

  constructor(
    private readonly policies: BeforePolicyService,
    settings: GatewaySettingsRef,
  ) {
    this.endpointClient = new DecisionEndpointClient(settings.value.endpointsAllowPrivate);
  }

  onModuleDestroy(): void {
    this.endpointClient.close();
  }

  /**
   * What the stored policy (or `dto.policy`, checked as a PUT would check it, not saved) decides for
   * `dto.event`. The decision endpoint is asked only with `callEndpoint` (it is a real, signed request to the
   * app's service), within the policy's `timeoutMs`, with `onError` when it gives no decision; otherwise,
   * when no rule matches and the policy has one, `endpointWouldDecide` says so and the decision shown is the
   * default. An unsaved policy's endpoint is signed with the stored secret: it has none of its own yet.
   */
  async run(appId: string, dto: BeforePolicyDryRunDto): Promise<BeforePolicyDryRunResponseDto> {
    const provider = await this.policies.providerOf(appId);
    const event = dryRunEvent(appId, provider, dto.event, nowIso(), newId);
    const stored = await this.policies.policyFor(appId);
    let policy = stored;
    if (dto.policy) {
      await this.policies.assertValid(dto.policy, provider);
      const endpoint = dto.policy.decisionEndpoint;
      policy = {
        rules: dto.policy.rules as BeforeRule[],
        onError: dto.policy.onError,
        vendorWaitMs: dto.policy.vendorWaitMs ?? null,
        decisionEndpoint: endpoint
          ? {
              url: endpoint.url,
              timeoutMs: endpoint.timeoutMs,
              secret: stored?.decisionEndpoint?.secret ?? '',
            }
          : null,
      };
    }
    const byRule = policy ? decideByRules(policy, event) : null;
    if (byRule) {
      return { decision: byRule.decision, ruleId: byRule.ruleId, source: 'rule', endpointWouldDecide: false };
    }
    const endpoint = policy?.decisionEndpoint;
    if (!policy || !endpoint || !dto.callEndpoint) {
      return {
        decision: { action: 'allow' },
        ruleId: null,
        source: 'default',
        endpointWouldDecide: Boolean(endpoint),
      };
    }
    if (!endpoint.secret) {
      const message = 'callEndpoint needs a saved decision endpoint secret: save the policy first';
      throw new ImGatewayError('validation_failed', message, [{ field: 'callEndpoint', message }]);
    }
    const outcome = await this.endpointClient.ask(endpoint, event, endpoint.timeoutMs);
    const tookMs = Math.round(outcome.durationMs * 100) / 100;
    if ('error' in outcome) {
      return {
        decision: { action: policy.onError },
        ruleId: null,
        source: 'fallback',
        error: outcome.error,
        endpointWouldDecide: true,
        tookMs,
      };
    }
    return {
      decision: outcome.decision,
      ruleId: null,
      source: 'endpoint',
      endpointWouldDecide: true,
      tookMs,
    };
  }
}
