import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, it } from '@jest/globals';
import { REDIS_URL } from './redis-prefix.js';

/** The local services some tests need beyond the embedded SQLite default, and how to start each. */
export const SERVICES = {
  redis: { name: 'Redis', url: REDIS_URL },
  postgres: {
    name: 'PostgreSQL',
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  },
  /** Debian's Chromium, driven by playwright-core for the console's browser tests (`.ci/run` installs it). */
  chromium: { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  rabbitmq: { name: 'RabbitMQ', url: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672' },
  nats: { name: 'NATS', url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
} as const;

export type ServiceName = keyof typeof SERVICES;

export interface RequiredServicesOptions {
  /** Where to find each service (default: `SERVICES`); a test of this helper points one at a closed port. */
  urls?: Partial<Record<ServiceName, string>>;
  /** Whether this is CI, where a missing service fails the tests (default: `CI=true`). */
  ci?: boolean;
  /** Where the skip line goes (default: stderr). */
  warn?: (line: string) => void;
  /** jest's `describe`, `describe.skip` and `it` (replaced in the test of this helper). */
  jest?: { describe: Describe; skip: Describe; it: (name: string, fn: () => void) => void };
}

type Describe = (name: string, fn: () => void) => void;

const DEFAULT_PORTS: Record<string, number> = {
  'redis:': 6379,
  'rediss:': 6379,
  'postgres:': 5432,
  'amqp:': 5672,
  'nats:': 4222,
};

/** Whether something accepts TCP connections at the URL's host and port, within a second. */
export function reachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port) || DEFAULT_PORTS[u.protocol] || 0;
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname || '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A `describe` for tests that need local services. Probes each once; when all answer it is jest's own.
 * When one does not, outside CI the tests are skipped with one line saying what to start; in CI
 * (`CI=true`) each such block fails with that line instead, so a broken CI set-up is never a green run.
 */
export async function describeWith(
  needs: ServiceName[],
  options: RequiredServicesOptions = {},
): Promise<Describe> {
  const ci = options.ci ?? process.env.CI === 'true';
  // Straight to stderr: jest holds back the console of a file whose tests were all skipped.
  const warn = options.warn ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const j = options.jest ?? {
    describe: (name: string, fn: () => void) => describe(name, fn),
    skip: (name: string, fn: () => void) => describe.skip(name, fn),
    it: (name: string, fn: () => void) => it(name, fn),
  };
  const missing: string[] = [];
  const toInstall: string[] = [];
  for (const need of needs) {
    const service: { name: string; url?: string; path?: string } = SERVICES[need];
    if (service.path !== undefined) {
      const path = options.urls?.[need] ?? service.path;
      if (!existsSync(path)) toInstall.push(`${service.name} at ${path}`);
      continue;
    }
    const url = options.urls?.[need] ?? service.url ?? '';
    if (!(await reachable(url))) {
      const u = new URL(url);
      missing.push(`${service.name} on ${u.hostname}:${u.port || DEFAULT_PORTS[u.protocol]}`);
    }
  }
  if (missing.length === 0 && toInstall.length === 0) return j.describe;
  const line = `${[
    ...(missing.length ? [`start ${missing.join(' and ')}`] : []),
    ...(toInstall.length ? [`install ${toInstall.join(' and ')}`] : []),
  ].join(' and ')} (see README)`;
  missing.push(...toInstall);
  if (ci)
    return (name) =>
      j.describe(name, () => {
        j.it(`needs ${missing.join(' and ')}`, () => {
          throw new Error(`not reachable in CI: ${line}`);
        });
      });
  let warned = false;
  return (name, fn) => {
    if (!warned) warn(`skipped tests needing ${needs.map((n) => SERVICES[n].name).join(' and ')}: ${line}`);
    warned = true;
    j.skip(name, fn);
  };
}
