// Both vendor emulators WITH their documented rate limits, in a process of their own: an Easemob and a
// Tencent source app seeded from generated specs (BENCH_SEED_SPECS, JSON `{ easemob, tencent }`), and an
// empty target app of each.
import {
  generateEasemobSeed,
  generateTencentSeed,
  startEasemobEmulator,
  startTencentEmulator,
} from '@im-gateway/emulator';
import { MIGRATION_APPS } from './migration-apps.mjs';

const specs = JSON.parse(process.env.BENCH_SEED_SPECS ?? '{}');
const { easemobSource, easemobTarget, tencentSource, tencentTarget } = MIGRATION_APPS;
const app = (a) => ({
  orgName: a.orgName,
  appName: a.appName,
  clientId: a.clientId,
  clientSecret: a.clientSecret,
});
const easemob = await startEasemobEmulator({
  apps: [app(easemobSource), app(easemobTarget)],
  rateLimits: true,
  tokenTtlSeconds: 3600,
});
easemob.seed(`${easemobSource.orgName}#${easemobSource.appName}`, generateEasemobSeed(specs.easemob ?? {}));
const tencent = await startTencentEmulator({
  apps: [tencentSource, tencentTarget].map((a) => ({ sdkAppId: a.sdkAppId, secretKey: a.secretKey })),
  rateLimits: true,
});
tencent.seed(tencentSource.sdkAppId, generateTencentSeed(specs.tencent ?? {}));
// `url` is what spawnJsonLine waits for: here both emulators' addresses.
process.stdout.write(`${JSON.stringify({ url: { easemob: easemob.url, tencent: tencent.url } })}\n`);
process.on('SIGTERM', () => Promise.all([easemob.close(), tencent.close()]).then(() => process.exit(0)));
