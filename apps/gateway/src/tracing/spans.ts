import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
} from '@opentelemetry/api';

// Without a registered SDK (tracing off) `@opentelemetry/api` hands out no-op spans: these helpers then
// cost a function call, and `currentTraceparent()` returns null, so nothing is stored.
const tracer = trace.getTracer('im-gateway');
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Runs `fn` in a new span, child of the active one; a throw marks the span as an error. */
export function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
  parent: Context = context.active(),
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, kind }, parent, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span as a W3C `traceparent`, to store with work that runs later; null when not tracing. */
export function currentTraceparent(): string | null {
  const span = trace.getActiveSpan()?.spanContext();
  if (!span || !trace.isSpanContextValid(span)) return null;
  return `00-${span.traceId}-${span.spanId}-0${(span.traceFlags & TraceFlags.SAMPLED).toString(16)}`;
}

/**
 * Runs `fn` in a span whose parent is a stored `traceparent` (the ingest that created the work), so work
 * done later, maybe in another replica, joins the trace it came from. No or a malformed value: a new trace.
 */
export function withSpanFrom<T>(
  traceparent: string | null,
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  const parent = match
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: match[1]!,
        spanId: match[2]!,
        traceFlags: Number.parseInt(match[3]!, 16),
        isRemote: true,
      })
    : ROOT_CONTEXT;
  return withSpan(name, attributes, fn, parent, SpanKind.CLIENT);
}
