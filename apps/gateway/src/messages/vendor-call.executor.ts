import { Injectable } from '@nestjs/common';
import { VendorRequestError, type ImProvider, type VendorCallContext } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import type { SendPolicy } from '../config/send-policy.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { VendorRateLimiter, type PacedCall } from './vendor-rate.limiter.js';
import { withSpan } from '../tracing/spans.js';

/** Below this much time left, another attempt cannot finish: give up with the last error. */
const MIN_ATTEMPT_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lends providers the gateway's vendor-call policy: wait for the app's budget, attempt, and retry
 * rate limits, outages and timeouts with exponential backoff (or the vendor's `Retry-After`, whichever is
 * longer) until the attempts or the deadline run out. Rejections are never retried.
 */
@Injectable()
export class VendorCallExecutor {
  readonly policy: SendPolicy;

  constructor(
    private readonly limiter: VendorRateLimiter,
    settings: GatewaySettingsRef,
    private readonly metrics: MetricsService,
  ) {
    this.policy = settings.value.sendPolicy;
  }

  /**
   * The context of one unit of work: its vendor calls share the deadline, `deadlineMs` from now (a send's by
   * default; a migration batch passes a longer one, as it may wait on the limiter for a busy app).
   */
  context(
    provider: ImProvider,
    appId: string,
    deadlineMs: number = this.policy.deadlineMs,
  ): VendorCallContext {
    const deadline = Date.now() + deadlineMs;
    return {
      appId,
      deadline,
      call: (api, weight, attempt) => this.run(provider, appId, deadline, api, weight, attempt),
    };
  }

  private async run<T>(
    provider: ImProvider,
    appId: string,
    deadline: number,
    api: string,
    weight: number,
    attempt: (timeoutMs: number) => Promise<T>,
  ): Promise<T> {
    for (let n = 1; ; n++) {
      const paced = await this.acquire(provider, appId, api, weight, deadline);
      const left = deadline - Date.now();
      if (left < MIN_ATTEMPT_MS) {
        paced.answered(false);
        throw new VendorRequestError('vendor_timeout', `${provider.displayName} did not answer in time.`);
      }
      const started = performance.now();
      const labels = { provider: provider.name, api };
      try {
        // One span per vendor attempt, child of the send's request span (the HTTP call is its child).
        const result = await withSpan(
          'vendor.call',
          { 'imgw.provider': provider.name, 'imgw.vendor.api': api, 'imgw.attempt': n },
          () => attempt(Math.min(this.policy.attemptTimeoutMs, left)),
        );
        paced.answered(false);
        this.observe(labels, 'ok', started);
        return result;
      } catch (error) {
        // A vendor's rate limit here (the gateway's own comes from `acquire`) means the schedule let a
        // call arrive too early: the guard widens.
        paced.answered(error instanceof VendorRequestError && error.code === 'vendor_rate_limited');
        this.observe(labels, error instanceof VendorRequestError ? error.code : 'error', started);
        if (!(error instanceof VendorRequestError) || !error.retryable || n >= this.policy.maxAttempts)
          throw error;
        const backoff = this.policy.retryBaseMs * 2 ** (n - 1) * (0.5 + Math.random() / 2);
        const wait = Math.max(backoff, error.retryAfterMs ?? 0);
        if (Date.now() + wait + MIN_ATTEMPT_MS > deadline) throw error;
        await sleep(wait);
      }
    }
  }

  /** Waits for the app's budget, measuring the wait (granted, or exhausted by the deadline). */
  private async acquire(
    provider: ImProvider,
    appId: string,
    api: string,
    weight: number,
    deadline: number,
  ): Promise<PacedCall> {
    const started = performance.now();
    const labels = { provider: provider.name, api };
    try {
      const paced = await this.limiter.acquire(provider, appId, api, weight, deadline);
      this.metrics.rateLimitWait.observe(
        { ...labels, outcome: 'granted' },
        (performance.now() - started) / 1000,
      );
      this.metrics.arrivalGuard.set(labels, paced.guardMs / 1000);
      return paced;
    } catch (error) {
      this.metrics.rateLimitWait.observe(
        { ...labels, outcome: 'exhausted' },
        (performance.now() - started) / 1000,
      );
      throw error;
    }
  }

  private observe(labels: { provider: string; api: string }, outcome: string, started: number): void {
    this.metrics.vendorCalls.inc({ ...labels, outcome });
    this.metrics.vendorCallDuration.observe({ ...labels, outcome }, (performance.now() - started) / 1000);
  }
}
