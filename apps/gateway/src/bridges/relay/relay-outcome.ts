import type { RelayOutcome, RelayStatus } from '@im-gateway/persistence';
import { ImGatewayError, isRetryableErrorCode, type RecipientError } from '@im-gateway/types';
import { isDependencyDown } from '../../common/error-body.js';
import { nextAttemptDelayMs } from '../../common/queue/retry-schedule.js';

/**
 * Whether a failure may pass if tried later, as for webhooks: the vendor's rate limits, outages and
 * timeouts, and the gateway's own database or network stalling (a query timeout, a dropped connection)
 * while it relayed, which says nothing about the message.
 */
export function isRetryable(error: RecipientError | ImGatewayError | unknown): boolean {
  if (!(error instanceof ImGatewayError) && isDependencyDown(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && isRetryableErrorCode(code);
}

/** `code: message` for gateway errors and recipient errors alike, else the message. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error)
    return `${String(error.code)}: ${String(error.message)}`;
  return error instanceof Error ? error.message : String(error);
}

/** A relay's state after an attempt that ended in `status` (no retry) at `at`. */
export function finalOutcome(
  status: RelayStatus,
  attempts: number,
  at: Date,
  extra: Partial<RelayOutcome> = {},
): RelayOutcome {
  return {
    status,
    attempts,
    nextAttemptAt: null,
    lastAttemptAt: at.toISOString(),
    reason: null,
    lastError: null,
    targetMessageIds: null,
    relayedAt: null,
    conversationKind: null,
    ...extra,
  };
}

/**
 * After a failed attempt: another one on the delivery schedule (same waits, same jitter) while the error is
 * retryable and the schedule lasts, else `failed`.
 */
export function failedOutcome(
  error: unknown,
  attempts: number,
  schedule: readonly number[],
  at: Date,
  extra: Partial<RelayOutcome> = {},
): RelayOutcome {
  const lastError = errorText(error).slice(0, 1000);
  const delay = isRetryable(error) ? nextAttemptDelayMs(schedule, attempts, {}) : null;
  if (delay === null)
    return finalOutcome('failed', attempts, at, { ...extra, lastError, reason: lastError.slice(0, 500) });
  return {
    ...finalOutcome('pending', attempts, at, extra),
    nextAttemptAt: new Date(at.getTime() + delay).toISOString(),
    lastError,
  };
}
