import { RE2JS, RE2JSException } from 're2js';

/**
 * Regular expressions of a policy, compiled by RE2 (re2js): matching time is linear in the text, so no
 * pattern an app stores (`(a+)+$`) can stall the callback path the way a backtracking engine would.
 */
export type CompiledPattern = RE2JS;

/** A pattern RE2 refuses: `message` is RE2's own words (`missing closing )`). */
export class PatternSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    message: string,
  ) {
    super(message);
    this.name = 'PatternSyntaxError';
  }
}

export function compilePattern(pattern: string, caseSensitive: boolean): CompiledPattern {
  try {
    return RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    // RE2 quotes the pattern it parsed, with `(?i)` in front when case is ignored: quote the app's own.
    throw new PatternSyntaxError(pattern, error.message.replace(`\`(?i)${pattern}\``, `\`${pattern}\``));
  }
}

/** A keyword as a literal RE2 pattern, for masking every occurrence with the same rules as patterns. */
export function compileKeyword(keyword: string, caseSensitive: boolean): CompiledPattern {
  return compilePattern(RE2JS.quote(keyword), caseSensitive);
}

/** The UTF-16 ranges `[start, end)` of every non-empty match of `pattern` in `text`, left to right. */
export function matchRanges(pattern: CompiledPattern, text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const matcher = pattern.matcher(text);
  while (matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}
