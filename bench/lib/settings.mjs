// The command line and environment of `npm run bench`, read once; see bench/README.md.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH = join(ROOT, 'bench');

export const USAGE = `npm run bench [-- options]
  --runs N            median over N runs (default 1)
  --duration S        measured seconds per load (default 10)
  --warmup S          warm-up seconds per load (default 3)
  --only a,b          scenarios whose name starts with one of these: ingest, baseline, delivery,
                      destinations, send, migration, migration-at-scale,
                      before-policy,
                      before-endpoint; growth and partitions (PostgreSQL)
                      run only when named here
  --preload N         growth, partitions: events stored (default 1000000)
  --soak S            growth: seconds of the soak at 1,000 callbacks/s (default 600)
  --db a,b            sqlite, postgres (default both)
  --profile           write V8 CPU profiles of the gateway (first run) and print their summary
  --no-build          use the gateway and emulator already built
  --out file.json     write the results there instead of bench/results/latest.json
  --help              print this
Environment: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_RABBITMQ_URL (default
amqp://guest:guest@127.0.0.1:5672), BENCH_NATS_URL (default nats://127.0.0.1:4222).`;

export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}

export const args = parseArgs(process.argv.slice(2));
export const RUNS = Number(args.runs ?? 1);
export const DURATION_MS = Number(args.duration ?? 10) * 1000;
export const WARMUP_MS = Number(args.warmup ?? 3) * 1000;
export const DBS = String(args.db ?? 'sqlite,postgres').split(',');
export const ONLY = args.only ? String(args.only).split(',') : null;
export const PROFILE = Boolean(args.profile);
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_TOKEN = `bench-admin-${randomBytes(8).toString('hex')}`;
export const MASTER_KEY = randomBytes(32).toString('hex');
export const INGEST_CONNECTIONS = 50;

/** Whether `--only` selects the scenario `name` (all when absent). */
export const wants = (name) => !ONLY || ONLY.some((o) => name.startsWith(o));
