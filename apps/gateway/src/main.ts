import { ConfigError, loadGatewayEnv } from './config/gateway.config.js';
import { resolveSettings } from './config/gateway-settings.js';
import { createLogger } from './common/logger.js';
import { formatStartupSummary, startupSummary } from './common/startup-summary.js';
import { startTracing } from './tracing/tracing.js';

async function main(): Promise<void> {
  const settings = resolveSettings(loadGatewayEnv(process.env));
  const stopTracing = await startTracing(process.env); // off unless OTEL_* ask for traces
  const logger = createLogger(settings.logLevel);
  if (settings.adminTokenGenerated) {
    // Printed once, at the start that created it; it is kept in the data folder (mode 0600).
    process.stdout.write(
      `\nGenerated admin token (stored in ${settings.dataDir}/admin-token):\n  ${settings.adminToken}\n\n`,
    );
  }
  // Imported once tracing runs, so its instrumentations patch the modules the gateway loads.
  const { createGateway } = await import('./gateway.factory.js');
  const app = await createGateway(settings, logger);
  // Graceful shutdown: stop accepting, let requests in flight finish (a vendor is acked only after its
  // callback is stored), close the database, then exit 0.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      app
        .close()
        .then(() => stopTracing?.())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
  await app.listen({ port: settings.port, host: settings.host });
  const summary = startupSummary(settings, await app.getUrl(), Boolean(process.env['GATEWAY_ADMIN_TOKEN']));
  logger.info(summary, 'im-gateway listening');
  if (settings.logLevel !== 'silent') process.stdout.write(formatStartupSummary(summary));
}

main().catch((error: unknown) => {
  // A configuration error, found while reading the environment or while wiring the modules (a provider
  // name no module registers), is the operator's to fix: one line naming the variable, no stack.
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(
    `im-gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
