import { parse } from 'csv-parse/sync';
import { idProblem, ImGatewayError, type IdRule } from '@im-gateway/types';

/** Users per list: a larger directory is moved in several jobs. */
export const MAX_USER_LIST = 100_000;

const HEADER = /^user_?id$/i;

const bad = (line: number, message: string) =>
  new ImGatewayError('invalid_user_list', `users, line ${line}: ${message}`, { line });

/**
 * CSV text, one user id per line, with an optional header `userId` / `user_id`. Parsed with csv-parse (quoted
 * cells, CRLF) keeping empty lines, so an empty line in the middle is reported with its number rather than
 * silently dropped; empty lines at the end are a file's trailing newline and are ignored.
 */
function csvIds(text: string): { line: number; id: string }[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with its line numbers (the typings do not follow the option).
    const parsed: unknown = parse(text, { trim: true, relax_column_count: true, info: true });
    records = parsed as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw bad(e.lines ?? 1, `the CSV cannot be read: ${e.message}`);
  }
  const rows = records.map((r) => ({ line: r.info.lines, cells: r.record }));
  const empty = (cells: string[]) => cells.every((c) => c === '');
  while (rows.length > 0 && empty(rows[rows.length - 1]!.cells)) rows.pop();
  const first = rows[0];
  if (first && first.cells.length === 1 && HEADER.test(first.cells[0]!)) rows.shift();
  return rows.map(({ line, cells }) => {
    if (empty(cells)) throw bad(line, 'empty line');
    if (cells.length !== 1) throw bad(line, `expected one column (a user id), found ${cells.length}`);
    return { line, id: cells[0]! };
  });
}

/**
 * The user list of a job request (a JSON array of ids or `{ csv }`), each id checked against the source
 * vendor's user id rule; duplicates are kept once. Throws `invalid_user_list` with the offending line
 * (the 1-based position in a JSON array).
 */
export function parseUserList(input: string[] | { csv: string }, sourceRule: IdRule): string[] {
  const entries = Array.isArray(input)
    ? input.map((id, i) => ({ line: i + 1, id: typeof id === 'string' ? id.trim() : '' }))
    : csvIds(input.csv);
  if (entries.length === 0) throw bad(1, 'the list is empty');
  if (entries.length > MAX_USER_LIST) throw bad(MAX_USER_LIST + 1, `at most ${MAX_USER_LIST} users per job`);
  const seen = new Set<string>();
  for (const { line, id } of entries) {
    if (id === '') throw bad(line, 'empty user id');
    const problem = idProblem(sourceRule, id);
    if (problem) throw bad(line, `user id ${JSON.stringify(id)} ${problem} (${sourceRule.description})`);
    seen.add(id);
  }
  return [...seen];
}
