import cliProgress from 'cli-progress';
import type { KindProgress, MigrationJob } from './migration-client.js';

const seconds = (s: number | null): string => {
  if (s === null || !Number.isFinite(s)) return '–';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
};

/** The figures shown after a kind's bar: `done/total skipped failed rate ETA phase`. */
export function kindLine(progress: KindProgress): Record<string, string> {
  return {
    counts: `${progress.done + progress.skipped + progress.failed}/${progress.total}`,
    skipped: String(progress.skipped),
    failed: String(progress.failed),
    rate: `${progress.ratePerSecond.toFixed(1)}/s`,
    // Not `eta`: cli-progress fills `{eta}` with its own estimate, from the bar's start in this process.
    remaining: seconds(progress.etaSeconds),
    phase: progress.phase,
  };
}

/**
 * One progress bar per kind of the job's scope (cli-progress's MultiBar), redrawn from each poll of the
 * job. Without a terminal, cli-progress prints a plain line per update instead (`noTTYOutput`), so a
 * CI log still shows the progress.
 */
export class ProgressView {
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private readonly multi: cliProgress.MultiBar;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.multi = new cliProgress.MultiBar(
      {
        stream,
        format:
          ' {kind} |{bar}| {counts}  skipped {skipped}  failed {failed}  {rate}  ETA {remaining}  {phase}',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: false,
        noTTYOutput: !stream.isTTY,
        notTTYSchedule: 5_000,
        autopadding: true,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(job: MigrationJob): void {
    for (const kind of job.scope) {
      const progress = job.progress[kind];
      if (!progress) continue;
      const value = progress.done + progress.skipped + progress.failed;
      const payload = { kind: kind.padEnd(10), ...kindLine(progress) };
      const bar = this.bars.get(kind);
      if (bar) {
        bar.setTotal(Math.max(progress.total, 1));
        bar.update(value, payload);
      } else this.bars.set(kind, this.multi.create(Math.max(progress.total, 1), value, payload));
    }
  }

  stop(): void {
    this.multi.stop();
  }
}
