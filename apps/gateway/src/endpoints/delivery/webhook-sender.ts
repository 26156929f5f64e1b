import { lookup as dnsLookup, type LookupAddress, type LookupOneOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from '../endpoint-url.policy.js';

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
type Lookup = typeof dnsLookup;

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
      // An address written in the URL is connected to without a lookup, so it is checked here.
      const literal = target.hostname.replace(/^\[|\]$/g, '');
      if (!this.allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
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
          lookup: this.guardedLookup(),
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

  private guardedLookup(): LookupFunction {
    const allowPrivate = this.allowPrivate;
    const resolve = this.resolve;
    return ((
      hostname: string,
      options: LookupOneOptions,
      callback: (
        err: NodeJS.ErrnoException | null,
        address: string | LookupAddress[],
        family?: number,
      ) => void,
    ) => {
      resolve(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, []);
        const list = addresses as unknown as LookupAddress[];
        const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
        if (refused) {
          const error: NodeJS.ErrnoException = new Error(
            `refused to connect to non-public address ${refused.address}`,
          );
          error.code = 'EFORBIDDENADDRESS';
          return callback(error, []);
        }
        if ((options as { all?: boolean }).all) return callback(null, list);
        const first = list[0];
        if (!first)
          return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
        callback(null, first.address, first.family);
      });
    }) as unknown as LookupFunction;
  }
}
