import { idProblem, type IdRule } from '@im-gateway/types';
import type { UploadedRow } from './mapping-upload.parser.js';

export interface AcceptedRow {
  row: number;
  source: string;
  target: string;
}

export interface RejectedRow {
  row: number;
  source: unknown;
  target: unknown;
  reasons: string[];
}

/**
 * Checks each row on its own: both ids are strings the vendors accept (the source app's rule for the source
 * id, the target app's for the target id), and neither repeats an earlier row — a table maps one to one,
 * or a reply on the other side could not find its way back. Valid rows are kept even when others are not.
 */
export function validateRows(
  rows: UploadedRow[],
  rules: { source: IdRule; target: IdRule; sourceVendor: string; targetVendor: string },
): { accepted: AcceptedRow[]; rejected: RejectedRow[] } {
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const seenSource = new Map<string, number>();
  const seenTarget = new Map<string, number>();
  for (const { row, source, target } of rows) {
    const reasons: string[] = [];
    const check = (value: unknown, side: 'source' | 'target', rule: IdRule, vendor: string) => {
      if (typeof value !== 'string') return reasons.push(`${side} is missing or not a string`);
      const problem = idProblem(rule, value);
      if (problem) reasons.push(`${side} ${JSON.stringify(value)} ${problem} (${vendor})`);
    };
    check(source, 'source', rules.source, rules.sourceVendor);
    check(target, 'target', rules.target, rules.targetVendor);
    if (typeof source === 'string' && seenSource.has(source))
      reasons.push(`source ${JSON.stringify(source)} repeats row ${seenSource.get(source)}`);
    if (typeof target === 'string' && seenTarget.has(target))
      reasons.push(`target ${JSON.stringify(target)} repeats row ${seenTarget.get(target)}`);
    if (reasons.length > 0) {
      rejected.push({ row, source, target, reasons });
      continue;
    }
    seenSource.set(source as string, row);
    seenTarget.set(target as string, row);
    accepted.push({ row, source: source as string, target: target as string });
  }
  return { accepted, rejected };
}
