import fastify, { type FastifyInstance } from 'fastify';
import type { BeforeExchange, BeforeExchangeLog } from './before-callback.js';
import type { CallbackFaultSpec, DroppedCallback } from './callback-faults.js';
import { registerCallbackFaultRoutes } from './callback-faults.routes.js';
import type { CallbackAttempt, CallbackSender } from './callback-sender.js';
import type { EmulatorClock } from './emulator-clock.js';
import { registerEmulatorClockRoutes } from './emulator-clock.routes.js';
import { FaultInjector, type FaultAnswers, type FaultSpec } from './fault-injector.js';
import { acceptRawBodies, isObject, parseJson } from './http-helpers.js';
import type { MessageFilter, MessageStore, RecordedMessage } from './message-store.js';

/** What both emulators return once listening. */
export interface EmulatorHandle {
  /** Base URL, e.g. `http://127.0.0.1:5801`. */
  url: string;
  close(): Promise<void>;
  /** Accepted messages, oldest first. */
  messages(filter?: MessageFilter): RecordedMessage[];
  /** Every callback attempt (first tries and retries), oldest first. */
  callbacks(): CallbackAttempt[];
  /** Resolves once every callback started so far has been delivered or given up. */
  callbacksSettled(): Promise<void>;
  /** Every before-callback exchange (request, answer, how long it took, outcome), oldest first. */
  beforeCallbacks(): BeforeExchange[];
  faults: {
    set(spec: FaultSpec): void;
    clear(): void;
    list(): FaultSpec[];
  };
  /** Loses post-event callbacks on purpose (never before-callbacks, never `fireCallback`). */
  callbackFaults: {
    /** Replaces the fault; throws a TypeError for an invalid spec. Answers the spec in force. */
    set(spec: CallbackFaultSpec): CallbackFaultSpec;
    /** Removes the fault; the lost callbacks stay listed. */
    clear(): void;
    get(): CallbackFaultSpec | null;
    /** Every callback lost so far, oldest first. */
    dropped(): DroppedCallback[];
  };
  /** The emulator's clock (the `now` option plus what tests moved it forward by). */
  clock: {
    now(): number;
    /** Moves it forward by `ms` (≥ 0). */
    advance(ms: number): void;
    /** Moves it forward to `epochMs` (not in the past). */
    set(epochMs: number): void;
  };
  /**
   * Forgets messages, callbacks, faults (the callback fault and what it lost too), tokens, rate counters and
   * registered ids, and takes the clock back to the `now` option.
   */
  reset(): void;
}

export interface ServerParts {
  store: MessageStore;
  callbacks: CallbackSender;
  before: BeforeExchangeLog;
  faultAnswers: FaultAnswers;
  clock: EmulatorClock;
  resetVendor(): void;
  log?: (line: string) => void;
}

/** A fastify instance with raw bodies, fault injection and the `/_emulator` inspection routes. */
export function createEmulatorServer(parts: ServerParts): {
  server: FastifyInstance;
  faults: FaultInjector;
  reset(): void;
} {
  // No logger, no request ids: the emulator is benchmarked against and must stay cheap per request.
  const server = fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
    // Fastify answers 414 to a path parameter over 100 characters; Easemob's group details take up to 100
    // comma-separated ids in one (migration facts §2.7), about 1,600 characters.
    routerOptions: { maxParamLength: 4096 },
  });
  acceptRawBodies(server);
  const faults = new FaultInjector(parts.faultAnswers);
  server.addHook('onRequest', faults.hook);
  server.addHook('onClose', async () => faults.releaseHanging());
  const { log } = parts;
  if (log) {
    server.addHook('onResponse', async (request, reply) => {
      const body =
        typeof request.body === 'string' && request.body !== '' ? ` ${request.body.slice(0, 300)}` : '';
      log(`${request.method} ${request.url.split('?', 1)[0]} → ${reply.statusCode}${body}`);
    });
  }
  const reset = () => {
    faults.clear();
    parts.callbacks.faults.reset();
    parts.clock.reset();
    parts.before.clear();
    parts.resetVendor();
  };

  server.get('/_emulator/messages', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const filter: MessageFilter = {};
    if (query['app']) filter.app = query['app'];
    if (query['route']) filter.route = query['route'];
    if (query['to']) filter.to = query['to'];
    return { messages: parts.store.list(filter) };
  });
  server.get('/_emulator/callbacks', async () => ({ callbacks: parts.callbacks.list() }));
  server.get('/_emulator/before-callbacks', async () => ({ exchanges: parts.before.list() }));
  server.get('/_emulator/faults', async () => ({ faults: faults.list() }));
  server.post('/_emulator/faults', async (request, reply) => {
    const parsed = parseJson(request.body);
    if (!parsed.ok || !isObject(parsed.value) || typeof parsed.value['route'] !== 'string') {
      return reply.code(400).send({
        error:
          'body must be a fault: { route, status?, body?, latencyMs?, timeout?, reset?, times?, burst429? }',
      });
    }
    faults.set(parsed.value as unknown as FaultSpec);
    return reply.code(201).send({ faults: faults.list() });
  });
  server.delete('/_emulator/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  registerCallbackFaultRoutes(server, parts.callbacks.faults);
  registerEmulatorClockRoutes(server, parts.clock);
  server.post('/_emulator/reset', async (_request, reply) => {
    reset();
    return reply.code(204).send();
  });
  return { server, faults, reset };
}

export function handle(
  url: string,
  server: FastifyInstance,
  parts: ServerParts,
  faults: FaultInjector,
  reset: () => void,
): EmulatorHandle {
  return {
    url,
    close: () => server.close(),
    // Copies, so a caller cannot change what recall and the vendor logic see.
    messages: (filter) => parts.store.list(filter).map((m) => ({ ...m })),
    callbacks: () => parts.callbacks.list(),
    callbacksSettled: () => parts.callbacks.settled(),
    beforeCallbacks: () => parts.before.list(),
    faults: { set: (spec) => faults.set(spec), clear: () => faults.clear(), list: () => faults.list() },
    callbackFaults: {
      set: (spec) => parts.callbacks.faults.set(spec),
      clear: () => parts.callbacks.faults.clear(),
      get: () => parts.callbacks.faults.get(),
      dropped: () => parts.callbacks.faults.dropped(),
    },
    clock: {
      now: () => parts.clock.now(),
      advance: (ms) => parts.clock.advance(ms),
      set: (epochMs) => parts.clock.set(epochMs),
    },
    reset,
  };
}
