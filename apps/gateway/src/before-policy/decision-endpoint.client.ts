import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { webhookSignatureHeader } from '@im-gateway/signing';
import type { BeforeDecision, UnifiedEvent } from '@im-gateway/types';
import { toCloudEvent } from '../endpoints/delivery/cloud-event.js';
import { forbiddenLiteral, guardedLookup, type Lookup } from '../endpoints/guarded-lookup.js';
import type { DecisionEndpoint } from './before-policy.types.js';
import { MAX_ANSWER_BYTES, parseDecisionAnswer } from './decision-endpoint.answer.js';

/** Why an endpoint gave no decision; stored as `data.decision.error`. */
export type DecisionEndpointError = 'timeout' | 'unreachable' | 'invalid_answer' | `status_${number}`;

export type DecisionEndpointOutcome = (
  | { decision: BeforeDecision }
  | { error: DecisionEndpointError; /** For the log, never for the vendor. */ detail: string }
) & { durationMs: number };

/**
 * Asks an app's decision endpoint about one `.requested` event: POSTs it as webhooks carry it (the
 * CloudEvent, signed with Standard Webhooks headers) and reads the answer, all within a budget that covers
 * the lookup, the connection, the endpoint's work and the body. The vendor waits only so long for the
 * gateway (Easemob 200 ms by default), so the budget is a hard stop: the request is destroyed and the
 * outcome is `timeout`, whatever state it was in.
 *
 * On node:http(s) with keep-alive agents, as the webhook sender: a warm connection adds well under a
 * millisecond, and the address actually connected to is checked against the private-address policy (the
 * URL was checked when the policy was saved; DNS may have changed since). Redirects are not followed.
 */
export class DecisionEndpointClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolve: Lookup = dnsLookup,
  ) {
    const options = { keepAlive: true, maxSockets: 256 };
    this.httpAgent = new http.Agent(options);
    this.httpsAgent = new https.Agent(options);
  }

  ask(
    endpoint: DecisionEndpoint,
    event: UnifiedEvent,
    budgetMs: number,
    now: Date = new Date(),
  ): Promise<DecisionEndpointOutcome> {
    const started = performance.now();
    const body = JSON.stringify(toCloudEvent(event));
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = {
      'content-type': 'application/cloudevents+json',
      accept: 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignatureHeader([endpoint.secret], { id: event.id, timestamp, body }),
    };
    return new Promise<DecisionEndpointOutcome>((resolve) => {
      let settled = false;
      const finish = (
        outcome: { decision: BeforeDecision } | { error: DecisionEndpointError; detail: string },
      ) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ ...outcome, durationMs: performance.now() - started });
      };
      const fail = (error: DecisionEndpointError, detail: string) => finish({ error, detail });

      let target: URL;
      try {
        target = new URL(endpoint.url);
      } catch {
        return resolve({ error: 'unreachable', detail: 'invalid url', durationMs: 0 });
      }
      const literal = forbiddenLiteral(target, this.allowPrivate);
      if (literal !== undefined)
        return resolve({
          error: 'unreachable',
          detail: `refused to connect to non-public address ${literal}`,
          durationMs: 0,
        });

      const secure = target.protocol === 'https:';
      let request: http.ClientRequest | undefined;
      // One timer for everything: lookup, connect, the endpoint's work, the answer's bytes, a second try.
      const deadline = setTimeout(() => {
        fail('timeout', `no answer within ${budgetMs} ms`);
        request?.destroy();
      }, budgetMs);

      const attempt = (retry: boolean) => {
        const current = (secure ? https : http).request(target, {
          method: 'POST',
          headers,
          agent: secure ? this.httpsAgent : this.httpAgent,
          lookup: guardedLookup(this.allowPrivate, this.resolve),
        });
        request = current;
        current.on('response', (response) => this.read(response, current, finish, fail));
        current.on('error', (e: NodeJS.ErrnoException) => {
          // A kept-alive socket the endpoint closed while idle fails at once on reuse (Node's documented
          // race): the request is sent once more on a fresh socket, within the same budget. Asking twice is
          // harmless: both carry the same webhook-id.
          if (retry && current.reusedSocket && e.code === 'ECONNRESET' && !settled) return attempt(false);
          fail('unreachable', e.code ? `${e.code}: ${e.message}` : e.message);
        });
        current.end(body);
      };
      attempt(true);
    });
  }

  /** Reads a response: a 2xx with a valid answer decides; anything else is the reason there is none. */
  private read(
    response: http.IncomingMessage,
    request: http.ClientRequest,
    finish: (outcome: { decision: BeforeDecision }) => void,
    fail: (error: DecisionEndpointError, detail: string) => void,
  ): void {
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.resume();
      return fail(`status_${status}`, `the endpoint answered ${status}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) {
        fail('invalid_answer', `the answer is longer than ${MAX_ANSWER_BYTES} bytes`);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => {
      const parsed = parseDecisionAnswer(Buffer.concat(chunks).toString('utf8'));
      if ('problem' in parsed) fail('invalid_answer', parsed.problem);
      else finish(parsed);
    });
    response.on('error', (e) => fail('unreachable', e.message));
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
