import cliProgress from 'cli-progress';
import type { ReconciliationRun } from './reconciliation-client.js';

/** The bar's resolution: `progress` is a fraction, cli-progress counts steps. */
const STEPS = 1000;

/** The figures shown after the bar: counts so far, and for the `conversations` source how many were read. */
export function runLine(run: ReconciliationRun): Record<string, string> {
  return {
    seen: String(run.seen),
    matched: String(run.matched),
    recovered: String(run.recovered),
    unreadable: String(run.unreadable.count),
    conversations: run.conversations
      ? `  conversations ${run.conversations.read}/${run.conversations.total}`
      : '',
    status: run.status,
  };
}

/**
 * One progress bar for a reconciliation run (how far through its window or its conversations), redrawn
 * from each poll of the run. Without a terminal, cli-progress prints a plain line per update instead
 * (`noTTYOutput`), so a CI log still shows the progress, and the last line the final counts.
 */
export class ReconciliationProgressView {
  private readonly bar: cliProgress.SingleBar;
  private started = false;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          ' reconcile |{bar}| {percentage}%  seen {seen}  matched {matched}  recovered {recovered}  unreadable {unreadable}{conversations}  {status}',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: false,
        noTTYOutput: !stream.isTTY,
        notTTYSchedule: 5_000,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(run: ReconciliationRun): void {
    const value = Math.round(Math.min(1, Math.max(0, run.progress)) * STEPS);
    if (this.started) this.bar.update(value, runLine(run));
    else {
      this.bar.start(STEPS, value, runLine(run));
      this.started = true;
    }
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }
}
