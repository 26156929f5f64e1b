import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, type RunningGateway } from '../support/gateway.js';
import { migrationFixture, startMigrationGateway, waitForJob } from '../support/migration-gateway.js';
import { seedSource, T0 } from '../support/migration-seed.js';

/** The built CLI, run as `npm run migrate` runs it, against a real gateway with the in-memory providers. */
const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../dist/cli/migrate.js');

let gw: RunningGateway;
/** The users to move, as a JSON array and as CSV with a header. */
const lists = { json: '', csv: '' };

beforeAll(async () => {
  gw = await startMigrationGateway();
  lists.json = join(gw.db.settings.dataDir, 'users.json');
  lists.csv = join(gw.db.settings.dataDir, 'users.csv');
  writeFileSync(lists.json, JSON.stringify(['alice', 'bob', 'carol']));
  writeFileSync(lists.csv, 'userId\nalice\nbob\ncarol\n');
});
afterAll(async () => {
  await gw?.close();
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without a terminal (as in CI); asynchronous, since the gateway answers from this process. */
function cli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH ?? '', IMGW_URL: gw.url, IMGW_TOKEN: ADMIN_TOKEN }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const HISTORY = ['--history-from', new Date(T0).toISOString()];
const jobIdOf = (out: string) => /migration (\S+) created/.exec(out)?.[1] ?? '';
/** The summary table's row of a kind, as its cells. */
const row = (out: string, kind: string) =>
  out
    .split('\n')
    .find((l) => l.startsWith(`${kind} `))
    ?.trim()
    .split(/\s+/);

async function seededBridge() {
  const f = await migrationFixture(gw);
  seedSource(f.source);
  return f;
}

describe('npm run migrate', () => {
  it('start --dry-run prints the plan as the summary table, with counts per kind, and exits 0', async () => {
    const f = await seededBridge();
    const dry = await cli(
      'start',
      '--bridge',
      f.bridgeId,
      '--users',
      lists.json,
      '--dry-run',
      '--interval',
      '100',
    );
    expect(dry).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Error') });
    expect(dry.stdout).toMatch(/: completed \(dry run: nothing written\)/);
    expect(dry.stdout).toMatch(/^kind\s+total\s+done\s+skipped\s+failed\s+pending$/m);
    expect(row(dry.stdout, 'accounts')).toEqual(['accounts', '3', '0', '0', '0', '3']);
    expect(row(dry.stdout, 'groups')).toEqual(['groups', '1', '0', '0', '0', '1']);
    // The target imports no mutes: the whole kind is skipped, and the table says why.
    expect(row(dry.stdout, 'mutes')?.slice(0, 2)).toEqual(['mutes', '1']);
    expect(f.target.imported.accounts.size).toBe(0);
  }, 60_000);

  it('start follows the job with a progress line per kind, then prints the table and exits 0', async () => {
    const f = await seededBridge();
    f.target.delayMs = 30;
    const run = await cli(
      'start',
      '--bridge',
      f.bridgeId,
      '--users',
      lists.csv,
      ...HISTORY,
      '--interval',
      '100',
    );
    expect(run.code).toBe(0);
    const id = jobIdOf(run.stdout);
    const job = await waitForJob(f, id);
    expect(job.status).toBe('completed');
    for (const kind of job.scope as string[]) {
      const p = job.progress[kind];
      // A bar per kind on stderr (plain lines without a terminal), its last one at the final count.
      expect(run.stderr).toMatch(
        new RegExp(
          `${kind}\\s*\\|[^|]+\\| ${p.done + p.skipped + p.failed}/${p.total}  skipped ${p.skipped}  failed ${p.failed}  [\\d.]+/s  ETA (\\d+s|–)  ${p.phase}\n`,
        ),
      );
      expect(row(run.stdout, kind)).toEqual(
        [kind, p.total, p.done, p.skipped, p.failed, p.pending].map(String),
      );
    }
    expect(run.stdout).toMatch(new RegExp(`migration ${id}: completed`));
    expect(run.stdout).toMatch(/^skipped:$/m);
  }, 60_000);

  it('items --status failed lists the failed items with their error; a job with failures exits 1', async () => {
    const f = await seededBridge();
    f.target.failOn.add('bob');
    const started = await cli(
      'start',
      '--bridge',
      f.bridgeId,
      '--scope',
      'accounts',
      '--users',
      lists.json,
      '--interval',
      '100',
    );
    expect(started.code).toBe(1);
    expect(started.stdout).toMatch(/^failed:\n {2}accounts: 1 × vendor_rejected$/m);
    const items = await cli(
      'items',
      '--bridge',
      f.bridgeId,
      '--job',
      jobIdOf(started.stdout),
      '--status',
      'failed',
    );
    expect(items.code).toBe(0);
    const lines = items.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^kind\s+source\s+target\s+status\s+why$/);
    expect(lines.slice(2)).toHaveLength(1);
    expect(lines[2]).toMatch(/^accounts\s+bob\s+failed\s+vendor_rejected: the vendor refused bob$/);
  }, 60_000);

  it('a usage error exits 2 with one line on stderr', async () => {
    const usage = [
      [],
      ['start'],
      ['status', '--bridge', 'b'],
      ['start', '--bridge', 'b', '--colour'],
      ['start', '--bridge', 'b', '--users', 'no-such-list.csv'],
    ];
    for (const args of usage) {
      const run = await cli(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await cli('start')).stderr).toMatch(/--bridge is required/);
    expect((await cli('status', '--bridge', 'b')).stderr).toMatch(/--job is required for status/);
    expect((await cli('start', '--bridge', 'b', '--users', 'no-such-list.csv')).stderr).toMatch(
      /cannot read the user list no-such-list\.csv/,
    );
  });

  it('an API error exits 2 with the status and the machine-readable code', async () => {
    const run = await cli('start', '--bridge', '0190a0a0-0000-7000-8000-000000000000', '--scope', 'groups');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^404 not_found: /);
  });
});
