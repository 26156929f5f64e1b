import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator } from '@im-gateway/emulator';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EASEMOB, easemobApp } from '../messages/send-support.js';
import { sentEvents, waitUntil } from '../support/reconcile-traffic.js';
import { ADMIN_TOKEN, startGateway, type RunningGateway } from '../support/gateway.js';

/** The built CLI, run as `npm run reconcile` runs it, against a real gateway and the Easemob emulator. */
const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../dist/cli/reconcile.js');
const DAY = 24 * 3_600_000;
const MESSAGES = 40;

let gw: RunningGateway;
let emulator: EasemobEmulator;
let appId: string;

beforeAll(async () => {
  gw = await startGateway();
  ({ emulator, appId } = await easemobApp(gw, { callbacks: true, rateLimits: false }));
}, 30_000);
afterAll(async () => {
  await emulator?.close();
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

const runIdOf = (out: string) => /reconciliation (\S+) created/.exec(out)?.[1] ?? '';
/** The summary table's row of counts: the line after the dashes under `seen matched recovered unreadable`. */
const counts = (out: string) => {
  const lines = out.split('\n');
  const header = lines.findIndex((l) => /^seen\s+matched\s+recovered\s+unreadable$/.test(l));
  return header < 0 ? undefined : lines[header + 2]?.trim().split(/\s+/);
};

/**
 * Sends `MESSAGES` direct messages as clients, losing some of their callbacks, and waits until the gateway
 * has stored the rest; answers how many were lost.
 */
async function trafficWithLostCallbacks(): Promise<number> {
  const before = (await sentEvents(gw, appId)).length;
  emulator.callbackFaults.set({ dropRate: 0.3, seed: 11 });
  const appRef = `${EASEMOB.orgName}#${EASEMOB.appName}`;
  for (let i = 0; i < MESSAGES; i++)
    await emulator.sendAsClient(appRef, {
      from: `u${i % 5}`,
      to: `u${(i + 1) % 5}`,
      chat_type: 'chat',
      body: { type: 'txt', msg: `m${i}` },
    });
  emulator.callbackFaults.clear();
  const lost = emulator.callbackFaults.dropped().length;
  await waitUntil(async () => (await sentEvents(gw, appId)).length === before + MESSAGES - lost, 30_000);
  return lost;
}

describe('npm run reconcile', () => {
  it('start follows the run with a progress line, prints the counts, and status and list show the run', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const lost = await trafficWithLostCallbacks();
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(MESSAGES);

    const run = await cli('start', '--app', appId, '--from', from, '--interval', '100');
    expect(run).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Error') });
    const id = runIdOf(run.stdout);
    expect(id).not.toBe('');
    expect(run.stdout).toMatch(
      new RegExp(`^reconciliation ${id}: completed \\(export, ${from} to \\S+\\)$`, 'm'),
    );
    expect(counts(run.stdout)).toEqual([MESSAGES, MESSAGES - lost, lost, 0].map(String));
    // The bar on stderr (plain lines without a terminal), its last line at the end of the run.
    const bars = run.stderr.trim().split('\n');
    expect(bars.at(-1)).toMatch(
      new RegExp(
        `^ reconcile \\|[^|]+\\| 100%  seen ${MESSAGES}  matched ${MESSAGES - lost}  recovered ${lost}  unreadable 0  completed$`,
      ),
    );
    // The CLI reports what the API stored, not its own reckoning.
    const stored = (await gw.call('GET', `/v1/apps/${appId}/reconciliations/${id}`)).body;
    expect(stored).toMatchObject({ status: 'completed', seen: MESSAGES, recovered: lost });

    const status = await cli('status', '--app', appId, '--run', id);
    expect(status.code).toBe(0);
    expect(counts(status.stdout)).toEqual(counts(run.stdout));
    expect(status.stderr).toBe('');

    const list = await cli('list', '--app', appId);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^run\s+status\s+trigger\s+source\s+from\s+to\s+seen\s+recovered\s+unreadable$/);
    expect(lines.find((l) => l.startsWith(id))?.split(/\s+/)).toEqual([
      id,
      'completed',
      'manual',
      'export',
      from,
      stored.window.to,
      String(MESSAGES),
      String(lost),
      '0',
    ]);
  }, 90_000);

  it('a run that fails prints its error in the summary and exits 1', async () => {
    // Every history read refused as unauthorized, the token's refresh included: the run cannot go on.
    emulator.faults.set({ route: '*', method: 'GET', status: 401 });
    try {
      const run = await cli(
        'start',
        '--app',
        appId,
        '--from',
        new Date(Date.now() - 3_600_000).toISOString(),
        '--interval',
        '100',
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/: failed \(export, /);
      expect(run.stdout).toMatch(/^error: vendor_auth_failed: /m);
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(/ failed$/);
    } finally {
      emulator.faults.clear();
    }
  }, 90_000);

  it('a window the vendor cannot read exits 2 with the API error code and message', async () => {
    const run = await cli('start', '--app', appId, '--from', new Date(Date.now() - 4 * DAY).toISOString());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^400 window_invalid: .*3 days/);

    const unknown = await cli('status', '--app', appId, '--run', '0190a0a0-0000-7000-8000-000000000000');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^404 not_found: /);
  });

  it('a usage error exits 2 with one line on stderr that points to the usage', async () => {
    const usage: [string[], RegExp][] = [
      [[], /a command is required/],
      [['start', '--app', appId, '--colour'], /Unknown option '--colour'/],
      [['list'], /--app is required/],
      [['start', '--app', appId], /--from is required for start/],
      [['watch', '--app', appId], /--run is required for watch/],
      [['resume', '--app', appId], /unknown command resume/],
    ];
    for (const [args, message] of usage) {
      const run = await cli(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/\(see --help\)$/m);
    }
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run reconcile -- <command> --app <id> \[options\]$/m);
  });
});
