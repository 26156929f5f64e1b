import { Injectable } from '@nestjs/common';
import { VendorRequestError, type ImProvider, type VendorCallContext } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import type { SendPolicy } from '../config/send-policy.js';
import { VendorRateLimiter } from './vendor-rate.limiter.js';
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
  ) {
    this.policy = settings.value.sendPolicy;
  }

  context(provider: ImProvider, appId: string): VendorCallContext {
    const deadline = Date.now() + this.policy.deadlineMs;
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
      await this.limiter.acquire(provider, appId, api, weight, deadline);
      const left = deadline - Date.now();
      if (left < MIN_ATTEMPT_MS)
        throw new VendorRequestError('vendor_timeout', `${provider.displayName} did not answer in time.`);
      try {
        // One span per vendor attempt, child of the send's request span (the HTTP call is its child).
        return await withSpan(
          'vendor.call',
          { 'imgw.provider': provider.name, 'imgw.vendor.api': api, 'imgw.attempt': n },
          () => attempt(Math.min(this.policy.attemptTimeoutMs, left)),
        );
      } catch (error) {
        if (!(error instanceof VendorRequestError) || !error.retryable || n >= this.policy.maxAttempts)
          throw error;
        const backoff = this.policy.retryBaseMs * 2 ** (n - 1) * (0.5 + Math.random() / 2);
        const wait = Math.max(backoff, error.retryAfterMs ?? 0);
        if (Date.now() + wait + MIN_ATTEMPT_MS > deadline) throw error;
        await sleep(wait);
      }
    }
  }
}
