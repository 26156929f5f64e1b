#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import {
  CONNECTION_OPTIONS,
  gatewayApiFrom,
  parseCliArgs,
  runWhenExecuted,
  sleep,
  UsageError,
} from './cli-runner.js';
import { FINISHED, MigrationClient, type MigrationJob } from './migration-client.js';
import { ProgressView } from './progress-view.js';
import { renderSummary } from './summary-table.js';
import { renderTable } from './text-table.js';

const USAGE = `usage: npm run migrate -- <command> --bridge <id> [options]

commands
  start               create a migration job and follow it
  status | watch      show (watch: follow) a job
  pause | resume | cancel
  retry               put failed items back to work (--kind to limit)
  items               list a job's items (--kind, --status, --limit)

options
  --bridge <id>       the bridge (required)
  --job <id>          the job (every command but start)
  --scope a,b,…       kinds to move (default: all): accounts, profiles, groups, members, mutes,
                      chatrooms, history, contacts, blocklists
  --reverse           move from the bridge's target app to its source app (a two-way bridge)
  --history-from <t>  ISO-8601 start of the history window (needed with history)
  --history-to <t>    ISO-8601 end of the window (default: when the job is created)
  --users <file>      a user list: .json (array of ids) or CSV (one id per line, optional header userId)
  --password <p>      one password for accounts created on a vendor that requires one (default: random)
  --dry-run           plan only: counts and skipped items, nothing written
  --no-follow         return after starting instead of following the job
  --url <url>         the gateway (default $IMGW_URL or http://127.0.0.1:3000)
  --token <t>         API key or admin token (default $IMGW_TOKEN or ./data/admin-token)

exit status: 0 the job completed without failed items, 1 failed items or a failed job, 2 bad usage or
an API error`;

const OPTIONS = {
  bridge: { type: 'string' },
  job: { type: 'string' },
  scope: { type: 'string' },
  reverse: { type: 'boolean' },
  'history-from': { type: 'string' },
  'history-to': { type: 'string' },
  users: { type: 'string' },
  password: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'no-follow': { type: 'boolean' },
  kind: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  interval: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...CONNECTION_OPTIONS,
} as const;

const parseOptions = (args: string[]) => parseCliArgs({ args, allowPositionals: true, options: OPTIONS });

/** The user list as the API takes it: a JSON array as is, anything else as CSV text. */
function usersFrom(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the user list ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  if (file.endsWith('.json')) return JSON.parse(text) as unknown;
  return { csv: text };
}

function startBody(values: ReturnType<typeof parseOptions>['values']): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (values.reverse) body['direction'] = 'reverse';
  if (values.scope)
    body['scope'] = values.scope
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (values['history-from'])
    body['history'] = {
      from: values['history-from'],
      ...(values['history-to'] ? { to: values['history-to'] } : {}),
    };
  if (values.users) body['users'] = usersFrom(values.users);
  if (values.password) body['passwords'] = { mode: 'fixed', value: values.password };
  if (values['dry-run']) body['dryRun'] = true;
  return body;
}

/** Polls the job until it ends (or is paused), drawing the bars; then prints the summary table. */
async function follow(client: MigrationClient, job: MigrationJob, intervalMs: number): Promise<MigrationJob> {
  const view = new ProgressView();
  try {
    for (;;) {
      view.update(job);
      if (FINISHED.includes(job.status) || job.status === 'paused') return job;
      await sleep(intervalMs);
      job = await client.get(job.bridgeId, job.id);
    }
  } finally {
    view.stop();
  }
}

const exitCode = (job: MigrationJob) =>
  job.status === 'failed' || job.report.failedByCode.length > 0 ? 1 : 0;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv);
  const command = positionals[0];
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command) throw new UsageError('a command is required');
  const bridge = values.bridge;
  if (!bridge) throw new UsageError('--bridge is required');
  const client = new MigrationClient(gatewayApiFrom(values));
  const interval = Number(values.interval ?? 1000);
  const needJob = (): string => {
    if (!values.job) throw new UsageError(`--job is required for ${command}`);
    return values.job;
  };
  switch (command) {
    case 'start': {
      let job = await client.start(bridge, startBody(values));
      console.log(`migration ${job.id} created on bridge ${bridge}`);
      if (values['no-follow']) return 0;
      job = await follow(client, job, interval);
      console.log(renderSummary(job));
      return exitCode(job);
    }
    case 'status':
    case 'watch': {
      let job = await client.get(bridge, needJob());
      if (command === 'watch') job = await follow(client, job, interval);
      console.log(renderSummary(job));
      return exitCode(job);
    }
    case 'pause':
    case 'resume':
    case 'cancel': {
      const job = await client.act(bridge, needJob(), command);
      console.log(`migration ${job.id}: ${job.status}`);
      return 0;
    }
    case 'retry': {
      let job = await client.retry(bridge, needJob(), values.kind);
      if (!values['no-follow']) job = await follow(client, job, interval);
      console.log(renderSummary(job));
      return exitCode(job);
    }
    case 'items': {
      const items = await client.items(bridge, needJob(), {
        kind: values.kind,
        status: values.status,
        limit: values.limit ? Number(values.limit) : undefined,
      });
      const rows = [['kind', 'source', 'target', 'status', 'why']];
      for (const item of items)
        rows.push([
          item.kind,
          item.sourceId,
          item.targetId ?? '',
          item.status,
          item.error ? `${item.error.code}: ${item.error.message}` : (item.reason ?? ''),
        ]);
      console.log(renderTable(rows));
      return 0;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

runWhenExecuted(import.meta.url, main);
