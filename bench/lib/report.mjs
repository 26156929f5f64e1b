// The results of a bench run: medians over runs, bench/results/*.json and the table printed at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { round } from './load.mjs';

export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

/** The median over runs of `pick(result)` for the samples of `key`. */
export const medianOf = (samples, key, pick) => median((samples[key] ?? []).map(pick));

/** The result document: machine, settings and the scenarios' rows. */
export function resultDocument(settings, scenarios) {
  return {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    settings,
    scenarios,
  };
}

export function writeResult(file, result) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

export function printTable(result) {
  const rows = [
    ['scenario', 'db', 'rps', 'baseline rps', 'ratio', 'p50 ms', 'p99 ms', 'baseline p50/p99 ms', 'notes'],
  ];
  const f = (x) => (x === null || x === undefined ? '-' : String(x));
  for (const s of result.scenarios) {
    if (s.skipped) {
      rows.push([s.name, s.db, '-', '-', '-', '-', '-', '-', `skipped: ${s.skipped}`]);
      continue;
    }
    const notes =
      s.name === 'destinations'
        ? `${s.destination}: backlog drain, ${s.delivered.join(', ')} delivered; baseline = broker client, same messages`
        : s.name === 'delivery'
          ? `${s.queue} queue, backlog drain; while ingesting: ${s.underLoadRps}/s delivered, ${s.ingestRpsUnderLoad}/s ingested; latency at ${s.latencyAtRps}/s`
          : s.name === 'send'
            ? `closed loop ${s.connections} conns (paced to the vendor budget); at ${s.steadyRps}/s: p50 ${s.steadyP50Ms} vs direct ${s.steadyBaselineP50Ms} ms, overhead ${s.overheadP50Ms} ms`
            : s.name.startsWith('migration')
              ? `limiter ${s.limiter === 'redis' ? 'on Redis' : 'in memory'}; ${s.items} items in ${s.seconds} s; rps = items/s, baseline = the documented budget for its calls`
              : s.name === 'before-policy'
                ? `${s.rules} rules vs none, in process: p99 added ${s.addedP99Ms} ms (no rule matches), ${s.addedMaskedP99Ms} ms (the 45th masks)`
                : s.name === 'before-endpoint'
                  ? `${s.asks} asks one by one; endpoint's own p50 ${s.ownP50Ms} ms; p50 added ${s.addedP50Ms} ms`
                  : s.endpoints
                    ? `${s.endpoints} endpoints, delivery paused`
                    : '';
    rows.push([
      s.name,
      s.db,
      f(s.rps),
      f(s.baselineRps),
      f(s.ratio),
      f(s.p50Ms),
      f(s.p99Ms),
      s.baselineRps && s.baselineP50Ms !== undefined ? `${f(s.baselineP50Ms)} / ${f(s.baselineP99Ms)}` : '-',
      notes,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `\nmachine: ${result.machine.cores} cores, ${result.machine.cpu}, node ${result.machine.node}; ${result.settings.runs} run(s), median\n`,
  );
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}
