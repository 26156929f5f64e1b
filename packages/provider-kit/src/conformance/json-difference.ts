const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * The first place two JSON values differ, as `<JSON Pointer>: expected …, got …`; undefined when equal.
 * Keys are visited in the expected value's order, then the extra ones, so the report is stable.
 */
export function firstDifference(actual: unknown, expected: unknown, at = ''): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
      const d = firstDifference(actual[i], expected[i], `${at}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const d = firstDifference(actual[key], expected[key], `${at}/${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(actual, expected)
    ? undefined
    : `${at || '/'}: expected ${show(expected)}, got ${show(actual)}`;
}
