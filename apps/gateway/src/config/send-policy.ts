/**
 * How long a send may take and how vendor calls are retried (validated configuration, see the README);
 * the defaults keep a client's request under typical 30 s proxy timeouts.
 */
export interface SendPolicy {
  /** The whole send (limiter waits, attempts, backoff) ends by then. `SEND_DEADLINE_MS`. */
  deadlineMs: number;
  /** One vendor HTTP attempt; above Tencent's 3 s server timeout (tencent.md §4.1). `VENDOR_TIMEOUT_MS`. */
  attemptTimeoutMs: number;
  /** First backoff; doubles with jitter per retry. `VENDOR_RETRY_BASE_MS`. */
  retryBaseMs: number;
  /** Attempts per vendor call, the first included. `VENDOR_MAX_ATTEMPTS`. */
  maxAttempts: number;
}
