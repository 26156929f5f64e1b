import type { FastifyReply, FastifyRequest } from 'fastify';

/** A fault for requests whose path equals or ends with `route` (`*` matches every vendor route). */
export interface FaultSpec {
  route: string;
  /** Only this HTTP method (default: any). */
  method?: string;
  /** Answer with this status (and `body`, default a vendor-shaped error) instead of the real handler. */
  status?: number;
  body?: unknown;
  /** Wait this long first; alone, the real handler answers afterwards. */
  latencyMs?: number;
  /** Never answer: the client has to give up. */
  timeout?: boolean;
  /** Destroy the socket without an answer. */
  reset?: boolean;
  /** Apply to this many matching requests, then remove the fault (default: until cleared). */
  times?: number;
  /** The next N matching requests get the vendor's 429 answer, then normal service resumes. */
  burst429?: number;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export interface FaultAnswers {
  /** Body for a fixed status without `body`. */
  status(status: number): unknown;
  /** The vendor's answer to a rate-limited call. */
  tooManyRequests(): { status: number; body: unknown };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Per-route fault injection, applied in an `onRequest` hook before any vendor logic. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private readonly hanging = new Set<FastifyRequest>();

  constructor(private readonly answers: FaultAnswers) {}

  set(spec: FaultSpec): void {
    if (typeof spec.route !== 'string' || spec.route.length === 0)
      throw new TypeError('fault.route is required');
    const remaining = spec.burst429 ?? spec.times ?? Number.POSITIVE_INFINITY;
    this.faults.push({ ...spec, remaining });
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map(({ remaining: _remaining, ...spec }) => spec);
  }

  /** Sockets held open by `timeout` faults; destroyed when the emulator closes. */
  releaseHanging(): void {
    for (const request of this.hanging) request.raw.socket?.destroy();
    this.hanging.clear();
  }

  private match(request: FastifyRequest): ActiveFault | undefined {
    if (this.faults.length === 0) return undefined;
    const path = request.url.split('?', 1)[0] ?? '';
    const fault = this.faults.find(
      (f) =>
        (f.route === '*' || path === f.route || path.endsWith(f.route)) &&
        (f.method === undefined || f.method.toUpperCase() === request.method),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /** The `onRequest` hook; reserved `/_emulator` routes are never faulted. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.url.startsWith('/_emulator')) return;
    const fault = this.match(request);
    if (!fault) return;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.reset) {
      reply.hijack();
      request.raw.socket?.destroy();
      return;
    }
    if (fault.timeout) {
      reply.hijack();
      this.hanging.add(request);
      request.raw.once('close', () => this.hanging.delete(request));
      return;
    }
    if (fault.burst429 !== undefined) {
      const answer = this.answers.tooManyRequests();
      await reply.code(answer.status).header('retry-after', '1').send(answer.body);
      return;
    }
    if (fault.status !== undefined) {
      await reply.code(fault.status).send(fault.body ?? this.answers.status(fault.status));
    }
  };
}
