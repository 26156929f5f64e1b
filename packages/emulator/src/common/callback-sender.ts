import type { CallbackFaults } from './callback-faults.js';

/** One HTTP attempt to deliver a callback, as recorded for inspection. */
export interface CallbackAttempt {
  vendor: 'easemob' | 'tencent';
  app: string;
  /** Full URL posted to, query string included. */
  url: string;
  /** Easemob: `chat_type`/`eventType`; Tencent: `CallbackCommand`. */
  kind: string;
  /** 1 for the first try, 2 for the retry. */
  attempt: number;
  body: unknown;
  /** HTTP status answered, or null when the request failed (connection refused, timeout...). */
  status: number | null;
  responseBody: string | null;
  error?: string;
  at: number;
  durationMs: number;
}

export interface DeliveryOptions {
  vendor: 'easemob' | 'tencent';
  app: string;
  url: string;
  kind: string;
  body: unknown;
  timeoutMs: number;
  /** Easemob retries once, immediately, on any non-200 answer (easemob.md §4.3). */
  retryOnce: boolean;
  /** An answer longer than this counts as a failure (Easemob: 1,000 characters, §4.3). */
  maxResponseChars?: number;
}

/** Posts callbacks as JSON and keeps every attempt; deliveries run in the background. */
export class CallbackSender {
  private readonly attempts: CallbackAttempt[] = [];
  private readonly inFlight = new Set<Promise<CallbackAttempt[]>>();

  /** `faults` may lose what `enqueue` is given; `deliver` (a test's explicit post) always posts. */
  constructor(
    readonly faults: CallbackFaults,
    private readonly log?: (line: string) => void,
  ) {}

  list(): CallbackAttempt[] {
    return [...this.attempts];
  }

  clear(): void {
    this.attempts.length = 0;
  }

  /**
   * A post-event callback the vendor fires on its own: starts its delivery without waiting for it (the
   * vendor answers the API call first), unless the callback fault loses it.
   */
  enqueue(options: DeliveryOptions): void {
    if (this.faults.drops(options)) {
      this.log?.(`callback ${options.kind} → ${options.url}: lost by the callback fault`);
      return;
    }
    void this.deliver(options);
  }

  /** Delivers and resolves with this delivery's attempts. */
  deliver(options: DeliveryOptions): Promise<CallbackAttempt[]> {
    const run = this.run(options);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Resolves once every delivery started so far (and retries) has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async run(options: DeliveryOptions): Promise<CallbackAttempt[]> {
    const payload = JSON.stringify(options.body);
    const mine: CallbackAttempt[] = [];
    const tries = options.retryOnce ? 2 : 1;
    for (let attempt = 1; attempt <= tries; attempt++) {
      const record = await this.post(options, payload, attempt);
      mine.push(record);
      this.attempts.push(record);
      // Bounded like the message log: keep the latest 10,000 attempts.
      if (this.attempts.length > 10_000) this.attempts.splice(0, 1_000);
      this.log?.(`callback ${record.kind} #${attempt} → ${record.url}: ${record.status ?? record.error}`);
      const tooLong =
        options.maxResponseChars !== undefined &&
        (record.responseBody?.length ?? 0) > options.maxResponseChars;
      if (record.status === 200 && !tooLong) break;
    }
    return mine;
  }

  private async post(options: DeliveryOptions, payload: string, attempt: number): Promise<CallbackAttempt> {
    const started = Date.now();
    const base = {
      vendor: options.vendor,
      app: options.app,
      url: options.url,
      kind: options.kind,
      attempt,
      body: options.body,
      at: started,
    };
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: payload,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      return { ...base, status: response.status, responseBody: text, durationMs: Date.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ...base, status: null, responseBody: null, error: message, durationMs: Date.now() - started };
    }
  }
}
