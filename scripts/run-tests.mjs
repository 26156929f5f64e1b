#!/usr/bin/env node
// Runs every workspace's type check and tests through turbo, then prints one closing line for the whole
// suite ("tests: N passed, N failed, N skipped"), summed from the JSON report each jest run writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['apps', 'packages'].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
);
const reportOf = (ws) => join(ws, '.jest-results.json');
for (const ws of workspaces) rmSync(reportOf(ws), { force: true });

const turbo = spawnSync(
  'npx',
  ['turbo', 'run', 'typecheck', 'test', '--concurrency=2', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const ws of workspaces) {
  if (!existsSync(reportOf(ws))) continue;
  const report = JSON.parse(readFileSync(reportOf(ws), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turbo.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
