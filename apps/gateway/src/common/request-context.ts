import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a piece of work runs for, so every log line it causes names that request. Hand-written over
 * `AsyncLocalStorage` rather than nestjs-pino's request-scoped logger: the lines we most need joined are
 * written after the request ended (deliveries and relays run from a queue), where nestjs-pino has no request,
 * and the queues re-enter this context with the id they kept for each wake-up.
 */
interface RequestContext {
  requestId: string | undefined;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the request the current code runs for, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `fn` for `requestId` (or for no request: work must not inherit the context it was started from). */
export function runWithRequestId<T>(requestId: string | undefined, fn: () => T): T {
  return storage.run({ requestId }, fn);
}
