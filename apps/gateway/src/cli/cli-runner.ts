import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError, GatewayApi } from './gateway-api.js';

/** Bad arguments: exit status 2, one line on stderr. */
export class UsageError extends Error {}

/** The options every CLI takes to reach the gateway. */
export const CONNECTION_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
} as const;

/** `parseArgs`, its errors (an unknown option, a missing value) as usage errors in its words. */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function tokenFrom(explicit: string | undefined): string {
  if (explicit) return explicit;
  if (process.env['IMGW_TOKEN']) return process.env['IMGW_TOKEN'];
  const file = join(process.env['DATA_DIR'] ?? 'data', 'admin-token');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new UsageError(`no token: pass --token, set IMGW_TOKEN, or run where ${file} exists`);
  }
}

/**
 * The gateway at --url (else $IMGW_URL, else the local default) with --token (else $IMGW_TOKEN, else the
 * admin token a local gateway writes to its data directory).
 */
export function gatewayApiFrom(values: { url?: string; token?: string }): GatewayApi {
  return new GatewayApi(
    values.url ?? process.env['IMGW_URL'] ?? 'http://127.0.0.1:3000',
    tokenFrom(values.token),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `main` when the module is the process's entry point, not when a test imports it, and exits with its
 * status; anything thrown exits 2.
 */
export function runWhenExecuted(moduleUrl: string, main: (argv: string[]) => Promise<number>): void {
  if (!process.argv[1] || moduleUrl !== new URL(`file://${process.argv[1]}`).href) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // One line, whatever went wrong: scripts read the first line, people rerun with --help.
      if (error instanceof UsageError) console.error(`${error.message} (see --help)`);
      else if (error instanceof ApiError) console.error(`${error.status} ${error.code}: ${error.message}`);
      else console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
