import { ImGatewayError, type ReconcileCapabilities } from '@im-gateway/types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** An app's reconciliation schedule, its settings over the provider's defaults. */
export interface ReconcileSchedule {
  enabled: boolean;
  everyMinutes: number;
  delayMinutes: number;
}

export function scheduleOf(
  capabilities: ReconcileCapabilities,
  settings: { enabled: boolean; everyMinutes?: number; delayMinutes?: number } | undefined,
): ReconcileSchedule {
  return {
    enabled: settings?.enabled ?? false,
    everyMinutes: settings?.everyMinutes ?? capabilities.everyMinutes,
    delayMinutes: settings?.delayMinutes ?? capabilities.exportDelayMinutes,
  };
}

const invalid = (field: string, message: string) =>
  new ImGatewayError('window_invalid', message, [{ field, message }]);

/**
 * Checks a requested window against the clock and the vendor's history: not in the future, not reversed,
 * not older than the vendor keeps history. Answers it in epoch ms.
 */
export function checkWindow(
  from: string,
  to: string,
  capabilities: ReconcileCapabilities,
  now: number,
): { from: number; to: number } {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start)) throw invalid('from', '`from` is not an ISO-8601 time.');
  if (Number.isNaN(end)) throw invalid('to', '`to` is not an ISO-8601 time.');
  if (start >= end) throw invalid('from', '`from` must be before `to`.');
  if (end > now)
    throw invalid('to', '`to` is in the future: history can only be read for what has happened.');
  const oldest = now - capabilities.windowDays * DAY;
  if (start < oldest)
    throw invalid(
      'from',
      `\`from\` is beyond the vendor's history: it keeps ${capabilities.windowDays} days (from ${new Date(oldest).toISOString()}).`,
    );
  return { from: start, to: end };
}

/**
 * The next scheduled window of an app: from where the last one ended (or one period before the newest
 * readable time, on the first), `everyMinutes` long, and only once all of it is `delayMinutes` old. A
 * gateway that was down for a while catches up window by window; a start older than the vendor keeps is
 * moved up to what can still be read.
 */
export function nextScheduledWindow(
  schedule: ReconcileSchedule,
  capabilities: ReconcileCapabilities,
  lastEnd: number | null,
  now: number,
): { from: number; to: number } | null {
  const period = schedule.everyMinutes * MINUTE;
  const readable = now - schedule.delayMinutes * MINUTE;
  const oldest = now - capabilities.windowDays * DAY + MINUTE;
  let from = lastEnd ?? Math.floor((readable - period) / period) * period;
  if (from < oldest) from = Math.ceil(oldest / period) * period;
  const to = from + period;
  return to <= readable ? { from, to } : null;
}
