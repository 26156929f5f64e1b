import type { IdRule } from './capabilities.js';

const utf8 = new TextEncoder();

/**
 * Why `rule` refuses `id`, in a few words to follow the id in a message ("is empty", "is 70 bytes, longer
 * than 64", "must match …"); null when the id is acceptable. Vendors limit bytes, not characters, so a
 * Chinese id reaches the limit three times sooner than an ASCII one.
 */
export function idProblem(rule: IdRule, id: string): string | null {
  if (id.length === 0) return 'is empty';
  const bytes = utf8.encode(id).length;
  if (bytes > rule.maxBytes) return `is ${bytes} bytes, longer than ${rule.maxBytes}`;
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(id))
    return `must match ${rule.description}`;
  return null;
}
