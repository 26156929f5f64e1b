#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEasemobEmulator } from './easemob/easemob.emulator.js';
import type { EasemobEmulatorOptions } from './easemob/easemob.types.js';
import { startTencentEmulator } from './tencent/tencent.emulator.js';
import type { TencentEmulatorOptions } from './tencent/tencent.types.js';

interface CliConfig {
  easemob?: Omit<EasemobEmulatorOptions, 'log'> | false;
  tencent?: Omit<TencentEmulatorOptions, 'log'> | false;
}

const DEFAULT_PORTS = { easemob: 5801, tencent: 5802 };

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
    },
  });
  if (values.help) {
    console.log(
      'usage: im-emulator [--config emulator.config.json] [--quiet]   (see emulator.config.example.json)',
    );
    return;
  }
  const path = configPath(values.config);
  const config = JSON.parse(readFileSync(path, 'utf8')) as CliConfig;
  console.log(`im-emulator: config ${path instanceof URL ? path.pathname : path}`);
  const running: { close(): Promise<void> }[] = [];
  if (config.easemob) {
    const easemob = await startEasemobEmulator({
      ...config.easemob,
      port: config.easemob.port ?? DEFAULT_PORTS.easemob,
      ...logger('easemob', values.quiet),
    });
    running.push(easemob);
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
