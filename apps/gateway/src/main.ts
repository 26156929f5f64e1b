import { ConfigError, loadGatewayEnv } from './config/gateway.config.js';
import { resolveSettings } from './config/gateway-settings.js';
import { createLogger } from './common/logger.js';
import { formatStartupSummary, startupSummary } from './common/startup-summary.js';
import { createGateway } from './gateway.factory.js';

async function main(): Promise<void> {
  let settings;
  try {
    settings = resolveSettings(loadGatewayEnv(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(settings.logLevel);
  if (settings.adminTokenGenerated) {
    // Printed once, at the start that created it; it is kept in the data folder (mode 0600).
    process.stdout.write(
      `\nGenerated admin token (stored in ${settings.dataDir}/admin-token):\n  ${settings.adminToken}\n\n`,
    );
  }
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
      app.close().then(
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
  process.stderr.write(
    `im-gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
