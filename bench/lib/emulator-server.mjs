// The Easemob emulator with its rate limits off, in a process of its own (so it gets a core of its own
// rather than sharing the load generator's event loop).
import { startEasemobEmulator } from '@im-gateway/emulator';
import { EASEMOB_APP } from './bodies.mjs';

const emulator = await startEasemobEmulator({
  port: 0,
  apps: [
    {
      orgName: EASEMOB_APP.orgName,
      appName: EASEMOB_APP.appName,
      clientId: EASEMOB_APP.clientId,
      clientSecret: EASEMOB_APP.clientSecret,
    },
  ],
  ids: 'any',
  rateLimits: false,
  tokenTtlSeconds: 3600,
});
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
process.on('SIGTERM', () => emulator.close().then(() => process.exit(0)));
