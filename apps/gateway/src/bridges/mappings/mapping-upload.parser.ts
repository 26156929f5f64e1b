import { parse } from 'csv-parse/sync';
import { ImGatewayError } from '@im-gateway/types';

/** One row of an uploaded id table, numbered from 1 as people count them (CSV: the line, header excluded). */
export interface UploadedRow {
  row: number;
  source: unknown;
  target: unknown;
}

/** Rows per upload; larger tables go up in several `POST` (merge) uploads. */
export const MAX_UPLOAD_ROWS = 100_000;

const bad = (message: string) =>
  new ImGatewayError('validation_failed', message, [{ field: 'body', message }]);

const HEADER = /^(source|target)(_?id)?$/i;

/**
 * CSV (`text/csv`): two columns, source id then target id, an optional header naming them, cells trimmed.
 * Parsed with csv-parse rather than by splitting lines: quoted cells, commas inside quotes and CRLF files
 * are what spreadsheets export.
 */
function csvRows(text: string): UploadedRow[] {
  let records: string[][];
  try {
    records = parse(text, { trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw bad(`The CSV cannot be read: ${(error as Error).message}`);
  }
  const first = records[0];
  const header = first && first.length >= 2 && HEADER.test(first[0] ?? '') && HEADER.test(first[1] ?? '');
  const swapped = header && /^target/i.test(first[0] ?? '');
  return (header ? records.slice(1) : records).map((cells, i) => ({
    row: i + 1,
    source: swapped ? cells[1] : cells[0],
    target: swapped ? cells[0] : cells[1],
  }));
}

/** JSON: `{ "mappings": [...] }` or the array itself; each row `{ "source", "target" }` or `["source", "target"]`. */
function jsonRows(body: unknown): UploadedRow[] {
  const list = Array.isArray(body) ? body : (body as { mappings?: unknown } | null)?.mappings;
  if (!Array.isArray(list))
    throw bad('Send {"mappings": [{"source": …, "target": …}]}, a JSON array, or text/csv.');
  return list.map((item: unknown, i) => {
    if (Array.isArray(item)) return { row: i + 1, source: item[0], target: item[1] };
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    return { row: i + 1, source: o.source, target: o.target };
  });
}

/** An uploaded id table, from a CSV text or parsed JSON, as numbered rows (not yet validated). */
export function uploadedRows(body: unknown): UploadedRow[] {
  const rows = typeof body === 'string' ? csvRows(body) : jsonRows(body);
  if (rows.length > MAX_UPLOAD_ROWS)
    throw bad(
      `At most ${MAX_UPLOAD_ROWS} rows per upload; send larger tables in several POST (merge) uploads.`,
    );
  return rows;
}
