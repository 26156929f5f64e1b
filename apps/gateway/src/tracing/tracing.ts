/** Whether the standard `OTEL_*` variables ask for traces: an exporter other than `none`, or an OTLP endpoint. */
export function tracingRequested(env: Record<string, string | undefined>): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry tracing when the standard `OTEL_*` variables ask for it (see `tracingRequested`);
 * the SDK reads them itself (exporter, endpoint, headers, sampler, `OTEL_SERVICE_NAME`). Off, nothing is
 * loaded: the SDK is imported only here, on demand. Call before the gateway is created, so the HTTP, pg
 * and ioredis instrumentations patch those modules before first use. Returns the shutdown (flushes spans).
 */
export async function startTracing(
  env: Record<string, string | undefined>,
): Promise<(() => Promise<void>) | undefined> {
  if (!tracingRequested(env)) return undefined;
  const [{ NodeSDK }, { HttpInstrumentation }, { PgInstrumentation }, { IORedisInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-pg'),
      import('@opentelemetry/instrumentation-ioredis'),
    ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'im-gateway',
    instrumentations: [
      // Probes and scrapes would drown the traces that matter.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? ''),
      }),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
    ],
  });
  sdk.start();
  return () => sdk.shutdown();
}
