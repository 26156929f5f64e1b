import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { forbiddenLiteral, guardedLookup, type Lookup } from '../guarded-lookup.js';

export interface WebhookResponse {
  /** HTTP status, when a response came back. */
  status?: number;
  ok: boolean;
  durationMs: number;
  /** The first bytes of the response body, for the attempt log. */
  excerpt?: string;
  retryAfter?: string | null;
  /** Why no usable response came back (timeout, refused, forbidden address, redirect…). */
  error?: string;
}

const EXCERPT_BYTES = 1024;

/**
 * POSTs one webhook. Written on node:http(s) rather than a fetch client for two guarantees: the address
 * actually connected to is checked against the private-address policy at connect time (a DNS answer that
 * changed since the endpoint was created cannot reach an internal service), and redirects are never
 * followed (a 3xx is a failed attempt, as in the Standard Webhooks guidance).
 */
export class WebhookSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolve: Lookup = dnsLookup,
  ) {
    const options = { keepAlive: true, maxSockets: 64 };
    this.httpAgent = new http.Agent(options);
    this.httpsAgent = new https.Agent(options);
  }

  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
  ): Promise<WebhookResponse> {
    const started = performance.now();
    const done = (r: Omit<WebhookResponse, 'durationMs'>): WebhookResponse => ({
      ...r,
      durationMs: Math.round(performance.now() - started),
    });
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return resolve(done({ ok: false, error: 'invalid url' }));
      }
      const literal = forbiddenLiteral(target, this.allowPrivate);
      if (literal !== undefined) {
        return resolve(
          done({
            ok: false,
            error: `EFORBIDDENADDRESS: refused to connect to non-public address ${literal}`,
          }),
        );
      }
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          agent: target.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
          lookup: guardedLookup(this.allowPrivate, this.resolve),
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < EXCERPT_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
            const retryAfter = response.headers['retry-after'] ?? null;
            if (status >= 300 && status < 400)
              return resolve(done({ status, ok: false, excerpt, error: 'redirects are not followed' }));
            resolve(done({ status, ok: status >= 200 && status < 300, excerpt, retryAfter }));
          });
          response.on('error', (e) =>
            resolve(done({ status: response.statusCode, ok: false, error: e.message })),
          );
        },
      );
      // A whole-request deadline on top of the socket idle timeout: a receiver that trickles bytes fails too.
      const deadline = setTimeout(
        () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      request.on('error', (e: NodeJS.ErrnoException) =>
        resolve(done({ ok: false, error: e.code ? `${e.code}: ${e.message}` : e.message })),
      );
      request.on('close', () => clearTimeout(deadline));
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
