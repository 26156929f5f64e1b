#!/usr/bin/env node
// npm run bench [-- --runs 3 --duration 10 --warmup 3 --only ingest,delivery,destinations,send,before-policy,before-endpoint,growth,partitions --db sqlite,postgres --profile --no-build --out file.json]
// Builds the gateway, starts everything it needs on loopback, runs the scenarios of bench/scenarios/ (one
// file each), stops what it started, prints a table and writes bench/results/latest.json. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanupAll, log } from './lib/processes.mjs';
import { printTable, resultDocument, writeResult } from './lib/report.mjs';
import { args, BENCH, DBS, DURATION_MS, ROOT, RUNS, USAGE, WARMUP_MS } from './lib/settings.mjs';
import * as beforeEndpoint from './scenarios/before-endpoint.mjs';
import * as beforePolicy from './scenarios/before-policy.mjs';
import * as delivery from './scenarios/delivery.mjs';
import * as destinations from './scenarios/destinations.mjs';
import * as growth from './scenarios/growth.mjs';
import * as partitions from './scenarios/partitions.mjs';
import * as ingest from './scenarios/ingest.mjs';
import * as migration from './scenarios/migration.mjs';
import * as migrationAtScale from './scenarios/migration-at-scale.mjs';
import * as send from './scenarios/send.mjs';

/** In the order they run and are reported, per database engine. */
const SCENARIOS = [
  ingest,
  delivery,
  destinations,
  send,
  migration,
  migrationAtScale,
  beforePolicy,
  beforeEndpoint,
  growth,
  partitions,
];

function build() {
  log('building the gateway and the emulator');
  execFileSync(
    'npx',
    [
      'turbo',
      'run',
      'build',
      '--filter=@im-gateway/gateway...',
      '--filter=@im-gateway/emulator...',
      '--output-logs=errors-only',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function main() {
  const t0 = Date.now();
  if (!args['no-build']) build();
  const samples = {}; // key -> array of results per run
  const add = (key, value) => (samples[key] ??= []).push(value);
  const selected = SCENARIOS.filter((s) => s.selected());
  for (let run = 0; run < RUNS; run++)
    for (const engine of DBS)
      for (const scenario of selected)
        await scenario.measure(engine, run, add, `run ${run + 1}/${RUNS} ${engine}`);

  const scenarios = DBS.flatMap((engine) => selected.flatMap((s) => s.summarize(samples, engine)));
  const result = resultDocument(
    { runs: RUNS, warmupS: WARMUP_MS / 1000, durationS: DURATION_MS / 1000, aggregate: 'median over runs' },
    scenarios,
  );
  const out = args.out ? String(args.out) : join(BENCH, 'results/latest.json');
  writeResult(out, result);
  printTable(result);
  log(
    `done in ${Math.round((Date.now() - t0) / 1000)} s; ${args.out ? out : 'bench/results/latest.json'} written`,
  );
}

if (args.help) {
  console.log(USAGE);
} else {
  process.on('SIGINT', () => cleanupAll().finally(() => process.exit(130)));
  main()
    .catch((e) => {
      log(`failed: ${e.stack ?? e}`);
      process.exitCode = 1;
    })
    .finally(cleanupAll);
}
