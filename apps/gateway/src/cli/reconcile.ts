#!/usr/bin/env node
import {
  CONNECTION_OPTIONS,
  gatewayApiFrom,
  parseCliArgs,
  runWhenExecuted,
  sleep,
  UsageError,
} from './cli-runner.js';
import { ReconciliationClient, RUN_FINISHED, type ReconciliationRun } from './reconciliation-client.js';
import { ReconciliationProgressView } from './reconciliation-progress-view.js';
import { renderRunList, renderRunSummary } from './reconciliation-summary.js';

const USAGE = `usage: npm run reconcile -- <command> --app <id> [options]

commands
  start               start a run over a window and follow it
  status | watch      show (watch: follow) a run
  list                the app's runs, newest first

options
  --app <id>          the app (required)
  --run <id>          the run (status, watch)
  --from <t>          ISO-8601 start of the window (start; required)
  --to <t>            ISO-8601 end of the window, exclusive (default: now)
  --source <s>        export or conversations (default: the gateway picks by the window's age)
  --no-follow         return after starting instead of following the run
  --limit <n>         list: runs per page (1-200, default 50)
  --cursor <c>        list: the page after the one that printed it
  --url <url>         the gateway (default $IMGW_URL or http://127.0.0.1:3000)
  --token <t>         API key or admin token (default $IMGW_TOKEN or ./data/admin-token)

exit status: 0 the run completed (or is still going, without following), 1 the run failed, 2 bad usage
or an API error`;

const OPTIONS = {
  app: { type: 'string' },
  run: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  source: { type: 'string' },
  'no-follow': { type: 'boolean' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  interval: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...CONNECTION_OPTIONS,
} as const;

/** Polls the run until it ends, drawing the bar. */
async function follow(
  client: ReconciliationClient,
  run: ReconciliationRun,
  intervalMs: number,
): Promise<ReconciliationRun> {
  const view = new ReconciliationProgressView();
  try {
    for (;;) {
      view.update(run);
      if (RUN_FINISHED.includes(run.status)) return run;
      await sleep(intervalMs);
      run = await client.get(run.appId, run.id);
    }
  } finally {
    view.stop();
  }
}

const exitCode = (run: ReconciliationRun) => (run.status === 'failed' ? 1 : 0);

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0];
  if (!command) throw new UsageError('a command is required');
  const app = values.app;
  if (!app) throw new UsageError('--app is required');
  const client = new ReconciliationClient(gatewayApiFrom(values));
  const interval = Number(values.interval ?? 1000);
  const needRun = (): string => {
    if (!values.run) throw new UsageError(`--run is required for ${command}`);
    return values.run;
  };
  switch (command) {
    case 'start': {
      if (!values.from) throw new UsageError('--from is required for start');
      // The API wants both ends; "now" is taken here, so the window is the one the user saw start.
      const to = values.to ?? new Date().toISOString();
      let run = await client.start(app, {
        from: values.from,
        to,
        ...(values.source ? { source: values.source } : {}),
      });
      console.log(`reconciliation ${run.id} created on app ${app}`);
      if (values['no-follow']) return 0;
      run = await follow(client, run, interval);
      console.log(renderRunSummary(run));
      return exitCode(run);
    }
    case 'status':
    case 'watch': {
      let run = await client.get(app, needRun());
      if (command === 'watch') run = await follow(client, run, interval);
      console.log(renderRunSummary(run));
      return exitCode(run);
    }
    case 'list': {
      const page = await client.list(app, {
        cursor: values.cursor,
        limit: values.limit ? Number(values.limit) : undefined,
      });
      console.log(renderRunList(page.data));
      if (page.nextCursor) console.log(`more: --cursor ${page.nextCursor}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

runWhenExecuted(import.meta.url, main);
