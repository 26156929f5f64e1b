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

/** A header cell as compared: lower case, without spaces, `_` and `-` (`Source ID` is `sourceid`). */
const headerCell = (cell: string | undefined) => (cell ?? '').toLowerCase().replace(/[\s_-]+/g, '');

/** The column names of a `source,target` header, each with an optional `id`. */
const SOURCE_TARGET = /^(source|target)(id)?$/;

/**
 * Words people head id columns with. A first line of two of them is a header; one that is not
 * `source,target` is refused, since which column is the source cannot be known (`from,to`, `old,new`,
 * `easemob,tencent`), rather than taken as a row mapping the user "from" to the user "to".
 */
const COLUMN_NAME = /^(source|target|src|dst|dest|destination|from|to|old|new|origin|easemob|tencent)(id)?$/;

/**
 * Whether the first CSV record is a `source,target` header (true), a data row (false), or a header of other
 * names (refused with its line). Column order follows the header: `target,source` swaps the columns.
 */
function headerOf(first: string[] | undefined, line: number): { header: boolean; swapped: boolean } {
  if (!first || first.length < 2) return { header: false, swapped: false };
  const [a, b] = [headerCell(first[0]), headerCell(first[1])];
  if (!COLUMN_NAME.test(a) || !COLUMN_NAME.test(b)) return { header: false, swapped: false };
  const kinds = [SOURCE_TARGET.exec(a)?.[1], SOURCE_TARGET.exec(b)?.[1]];
  if (kinds[0] === 'source' && kinds[1] === 'target') return { header: true, swapped: false };
  if (kinds[0] === 'target' && kinds[1] === 'source') return { header: true, swapped: true };
  throw bad(
    `Line ${line} (${first.slice(0, 2).join(',')}) is a header but not source,target: name the columns source,target (the source app's id first) or remove the line.`,
  );
}

/**
 * CSV (`text/csv`): two columns, source id then target id, cells trimmed, and an optional first-line header:
 * `source,target` (any case; spaces, `_`, `-` and an `id` ending ignored: `Source ID, Target ID`), or
 * `target,source` to swap the columns. A first line of two other column names (`from,to`, `src,dst`) is
 * refused with validation_failed. Parsed with csv-parse rather than by splitting lines: quoted cells, commas
 * inside quotes, CRLF files and the byte-order mark are what spreadsheets export.
 */
function csvRows(text: string): UploadedRow[] {
  let records: string[][];
  const lines: number[] = []; // the line each record ends on, to name a refused header's line
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record, context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    throw bad(`The CSV cannot be read: ${(error as Error).message}`);
  }
  const { header, swapped } = headerOf(records[0], lines[0] ?? 1);
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
