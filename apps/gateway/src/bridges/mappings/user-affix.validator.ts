import type { IdAffix } from '@im-gateway/persistence';
import type { IdRule } from '@im-gateway/types';

const utf8 = new TextEncoder();

/**
 * Why an affix rule's side can never produce an id its vendor accepts, or null when some id can: a
 * character of the prefix or suffix that the vendor's id pattern refuses (every id built with it would be
 * refused), or a prefix and suffix so long that, with the shortest core (one character), the id is longer
 * than the vendor allows. Vendor id patterns are one character class repeated (`^[a-z0-9_.-]+$`), so a
 * character the class refuses alone is refused anywhere in an id.
 */
export function affixProblem(
  rule: IdRule,
  affix: IdAffix,
): { field: 'prefix' | 'suffix'; problem: string } | null {
  const pattern = rule.pattern === undefined ? null : new RegExp(rule.pattern, 'u');
  for (const field of ['prefix', 'suffix'] as const) {
    const bad = pattern ? [...affix[field]].find((ch) => !pattern.test(ch)) : undefined;
    if (bad !== undefined)
      return {
        field,
        problem: `${field} ${JSON.stringify(affix[field])} has ${JSON.stringify(bad)}, outside the user-id rule (${rule.description})`,
      };
  }
  const bytes = utf8.encode(affix.prefix + affix.suffix).length;
  if (bytes + 1 > rule.maxBytes)
    return {
      field: affix.prefix.length > 0 ? 'prefix' : 'suffix',
      problem: `prefix and suffix take ${bytes} bytes: with even a one-character core, every id is longer than the ${rule.maxBytes}-byte limit`,
    };
  return null;
}
