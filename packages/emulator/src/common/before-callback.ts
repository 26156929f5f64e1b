/**
 * One before-callback exchange as the emulator saw it: what the vendor posted, what came back, how long
 * the answer took and what the vendor made of it. Tests assert on these ("the vendor had its answer
 * after N ms", "a garbage answer fell back to the failure policy").
 */
export interface BeforeExchange {
  vendor: 'easemob' | 'tencent';
  app: string;
  /** Tencent: the `CallbackCommand`; Easemob: `presend`. */
  kind: string;
  /** Full URL posted to, query string included. */
  url: string;
  request: unknown;
  /** HTTP status answered, or null when no answer came (refused, timed out). */
  status: number | null;
  /** The answer's text as received, or null when there was none. */
  answer: string | null;
  error?: string;
  /** Epoch ms when the request was sent. */
  at: number;
  /** From sending the request to having the answer, or to giving up. */
  durationMs: number;
  /**
   * What the vendor did: `allow`, `modify`, `deny`, `drop` (Tencent ErrorCode 2), `partial` (some invitees
   * refused), `failure-proceed` / `failure-block` (no usable answer, then the failure policy), and for
   * Easemob `modify-refused` (a change to a message type the rule may not change: delivered as sent).
   */
  outcome: string;
  /** The error code the caller was given, when the operation was refused. */
  callerCode?: number | string;
}

/** A before-callback answer, or the reason there is none. */
export interface BeforeAnswer {
  status: number | null;
  text: string | null;
  error?: string;
  at: number;
  durationMs: number;
}

/**
 * Posts a before-callback and waits at most `timeoutMs` for the whole answer, body included: the vendor
 * decides on time whatever the app server does, so a slow server costs the sender the wait and no more.
 */
export async function askBefore(url: string, body: unknown, timeoutMs: number): Promise<BeforeAnswer> {
  const at = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, text, at, durationMs: Date.now() - at };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: null, text: null, error: message, at, durationMs: Date.now() - at };
  }
}

/** The record of every before-callback exchange, bounded like the message log. */
export class BeforeExchangeLog {
  private readonly items: BeforeExchange[] = [];

  /**
   * Records what was posted and what came back, its outcome still `pending`: the vendor's own code fills in
   * the outcome (and the caller's code) on the returned record once it has read the answer.
   */
  record(
    sent: Pick<BeforeExchange, 'vendor' | 'app' | 'kind' | 'url' | 'request'>,
    answer: BeforeAnswer,
  ): BeforeExchange {
    const exchange: BeforeExchange = {
      ...sent,
      status: answer.status,
      answer: answer.text,
      ...(answer.error !== undefined ? { error: answer.error } : {}),
      at: answer.at,
      durationMs: answer.durationMs,
      outcome: 'pending',
    };
    this.add(exchange);
    return exchange;
  }

  add(exchange: BeforeExchange): void {
    this.items.push(exchange);
    if (this.items.length > 10_000) this.items.splice(0, 1_000);
  }

  list(): BeforeExchange[] {
    return this.items.map((item) => ({ ...item }));
  }

  clear(): void {
    this.items.length = 0;
  }
}
