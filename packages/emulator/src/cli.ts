#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEasemobEmulator } from './easemob/easemob.emulator.js';
import { easemobSeedFromFlags } from './easemob/easemob-seed.cli.js';
import type { EasemobEmulatorOptions } from './easemob/easemob.types.js';
import { startTencentEmulator } from './tencent/tencent.emulator.js';
import type { TencentEmulatorOptions } from './tencent/tencent.types.js';
import { tencentSeedsFromFlags } from './tencent/tencent-seed.cli.js';

interface CliConfig {
  easemob?: Omit<EasemobEmulatorOptions, 'log'> | false;
  tencent?: Omit<TencentEmulatorOptions, 'log'> | false;
}

const DEFAULT_PORTS = { easemob: 5801, tencent: 5802 };

const USAGE = `usage: im-emulator [options]   (see emulator.config.example.json)
  -c, --config <file>         apps and options (default: emulator.config.json, else the example)
  --easemob-port <n>          Easemob port (default 5801; 0 = any free port)
  --tencent-port <n>          Tencent port (default 5802; 0 = any free port)
  --easemob-callback <url>    callback URL of every Easemob app (a gateway app's callbackUrl)
  --tencent-callback <url>    callback URL of every Tencent app
  --seed <spec>               generate data into every app, e.g. accounts=5000,groups=200,messages=50000
                              (other fields from the default spec; see the README)
  --seed-file <path>          load a vendor-native seed (JSON) into every app of the vendor it is for
  -q, --quiet                 no per-request log lines`;

function portFlag(name: string, raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`--${name}: expected a port number, got "${raw}"`);
  return port;
}

function urlFlag(name: string, raw: string): string {
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new Error(`--${name}: expected an http(s) URL, got "${raw}"`);
  }
  return raw;
}

// Without a config file both emulators start with the committed example apps, so
// `npm run emulator` works out of the box.
const EXAMPLE = new URL('../emulator.config.example.json', import.meta.url);

function configPath(explicit: string | undefined): URL | string {
  if (explicit) return resolve(process.env['INIT_CWD'] ?? process.cwd(), explicit);
  if (process.env['EMULATOR_CONFIG']) return resolve(process.env['EMULATOR_CONFIG']);
  for (const dir of [process.env['INIT_CWD'], process.cwd()]) {
    if (dir && existsSync(resolve(dir, 'emulator.config.json'))) return resolve(dir, 'emulator.config.json');
  }
  return EXAMPLE;
}

// --quiet drops the per-request log lines, e.g. while benchmarking against the emulator.
function logger(vendor: string, quiet: boolean | undefined): { log?: (line: string) => void } {
  if (quiet) return {};
  return { log: (line: string) => console.log(`${new Date().toISOString()} [${vendor}] ${line}`) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', short: 'c' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
      'easemob-port': { type: 'string' },
      'tencent-port': { type: 'string' },
      'easemob-callback': { type: 'string' },
      'tencent-callback': { type: 'string' },
      seed: { type: 'string' },
      'seed-file': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const path = configPath(values.config);
  const config = JSON.parse(readFileSync(path, 'utf8')) as CliConfig;
  // Flags win over the file, so the example config serves as is: point its apps at a gateway app's
  // `callbackUrl` (the answer to `POST /v1/apps`) without editing JSON.
  if (config.easemob) {
    if (values['easemob-port'] !== undefined)
      config.easemob.port = portFlag('easemob-port', values['easemob-port']);
    const url = values['easemob-callback'];
    if (url !== undefined)
      config.easemob.apps = config.easemob.apps.map((a) => ({
        ...a,
        callbackUrl: urlFlag('easemob-callback', url),
      }));
  }
  if (config.tencent) {
    if (values['tencent-port'] !== undefined)
      config.tencent.port = portFlag('tencent-port', values['tencent-port']);
    const url = values['tencent-callback'];
    if (url !== undefined)
      config.tencent.apps = config.tencent.apps.map((a) => ({
        ...a,
        callbackUrl: urlFlag('tencent-callback', url),
      }));
  }
  console.log(`im-emulator: config ${path instanceof URL ? path.pathname : path}`);
  const running: { close(): Promise<void> }[] = [];
  if (config.easemob) {
    const easemob = await startEasemobEmulator({
      ...config.easemob,
      port: config.easemob.port ?? DEFAULT_PORTS.easemob,
      ...logger('easemob', values.quiet),
    });
    running.push(easemob);
    const seed = easemobSeedFromFlags(
      values.seed,
      values['seed-file'],
      process.env['INIT_CWD'] ?? process.cwd(),
    );
    if (seed)
      for (const app of config.easemob.apps) {
        easemob.seed(`${app.orgName}#${app.appName}`, seed);
        console.log(
          `Easemob app ${app.orgName}/${app.appName} seeded: ${seed.users.length} users, ` +
            `${seed.chatgroups?.length ?? 0} groups, ${seed.messages?.length ?? 0} messages`,
        );
      }
    const apps = config.easemob.apps.map((a) => `${a.orgName}/${a.appName}`).join(', ');
    console.log(`Easemob emulator on ${easemob.url} (apps: ${apps})`);
  }
  if (config.tencent) {
    const tencent = await startTencentEmulator({
      ...config.tencent,
      port: config.tencent.port ?? DEFAULT_PORTS.tencent,
      ...logger('tencent', values.quiet),
    });
    running.push(tencent);
    const apps = config.tencent.apps.map((a) => a.sdkAppId).join(', ');
    console.log(`Tencent emulator on ${tencent.url} (SDKAppIDs: ${apps})`);
    const seed = tencentSeedsFromFlags(
      values.seed,
      values['seed-file'],
      process.env['INIT_CWD'] ?? process.cwd(),
    );
    if (seed) {
      for (const app of config.tencent.apps) tencent.seed(app.sdkAppId, seed.seed);
      console.log(`Tencent apps seeded: ${seed.summary}`);
    }
  }
  const stop = () => {
    void Promise.all(running.map((r) => r.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
