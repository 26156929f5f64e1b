#!/usr/bin/env node
// The gateway's test command: every file but the timed ones three at a time, then the timed ones
// (`TIMED_FILES` in jest.config.js) one at a time, on a machine the first phase no longer loads. Arguments
// (test path patterns, jest options) go to both phases. The two JSON reports are summed into
// .jest-results.json, which the repository's test command reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const jest = join(root, 'node_modules', '.bin', 'jest');
const bin = existsSync(jest) ? jest : join(root, '..', '..', 'node_modules', '.bin', 'jest');
const args = process.argv.slice(2);
const reports = [];
let status = 0;
for (const phase of ['rest', 'timed']) {
  const out = join(root, `.jest-results.${phase}.json`);
  rmSync(out, { force: true });
  const run = spawnSync(bin, ['--json', `--outputFile=${out}`, '--passWithNoTests', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      IMGW_TEST_PHASE: phase,
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim(),
    },
  });
  if (run.status !== 0) status = run.status ?? 1;
  if (existsSync(out)) {
    reports.push(JSON.parse(readFileSync(out, 'utf8')));
    rmSync(out, { force: true });
  } else status ||= 1;
}
const sum = (key) => reports.reduce((n, r) => n + (r[key] ?? 0), 0);
const merged = {
  ...reports[0],
  success: status === 0 && reports.every((r) => r.success),
  testResults: reports.flatMap((r) => r.testResults ?? []),
};
for (const key of Object.keys(reports[0] ?? {}))
  if (key.startsWith('num') && typeof reports[0][key] === 'number') merged[key] = sum(key);
writeFileSync(join(root, '.jest-results.json'), JSON.stringify(merged));
process.exit(status);
