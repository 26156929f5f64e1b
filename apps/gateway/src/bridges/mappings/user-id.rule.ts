import type { IdAffix, UserMappingRule } from '@im-gateway/persistence';

/** Which way an id crosses a bridge: from its source app to its target app, or back. */
export type BridgeSide = 'forward' | 'reverse';

function swapAffix(id: string, from: IdAffix, to: IdAffix): string | null {
  if (id.length < from.prefix.length + from.suffix.length) return null;
  if (!id.startsWith(from.prefix) || !id.endsWith(from.suffix)) return null;
  const core = id.slice(from.prefix.length, id.length - from.suffix.length);
  return core === '' ? null : `${to.prefix}${core}${to.suffix}`;
}

/**
 * A user id on the other side of a bridge by rule, or null when the rule does not map it (then only the
 * uploaded table can). `affix` keeps the core of the id and swaps the sides' prefix and suffix, so one rule
 * serves both directions: `em_alice` ↔ `alice@tc` with source `{ prefix: 'em_' }`, target `{ suffix: '@tc' }`.
 */
export function mapUserIdByRule(rule: UserMappingRule, id: string, side: BridgeSide): string | null {
  switch (rule.type) {
    case 'same':
      return id;
    case 'affix':
      return side === 'forward'
        ? swapAffix(id, rule.source, rule.target)
        : swapAffix(id, rule.target, rule.source);
    case 'table':
      return null;
  }
}
