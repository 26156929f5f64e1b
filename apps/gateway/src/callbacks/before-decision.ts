import type {
  BeforeCommandSupport,
  BeforeDecision,
  MessageContent,
  ModifiablePart,
  UnifiedMessage,
} from '@im-gateway/types';

/**
 * What the gateway keeps of the vendor's wait for itself, in milliseconds: the store of the callback and
 * its events (one group commit: a few milliseconds on SQLite and on a local PostgreSQL, measured by the
 * before-policy e2e tests) and the reply, with room for a busy event loop. The decision gets the rest.
 */
export const STORE_MARGIN_MS = 50;
/** However little of the vendor's wait is left, the endpoint is given this much, so it can answer at all. */
const MIN_BUDGET_MS = 5;

/**
 * The decision endpoint's budget for one callback: the endpoint's own `timeoutMs`, but never past the
 * vendor's wait less the store margin, counted from when the callback arrived. The vendor is never
 * answered late on the decision's account.
 */
export function decisionBudgetMs(endpointTimeoutMs: number, vendorWaitMs: number, elapsedMs: number): number {
  return Math.max(MIN_BUDGET_MS, Math.min(endpointTimeoutMs, vendorWaitMs - STORE_MARGIN_MS - elapsedMs));
}

/**
 * The decision when the endpoint gave none or one the command cannot honour: the app's `onError`, but a
 * deny only where the vendor can stop the operation (elsewhere nothing but allow is possible).
 */
export function fallbackDecision(onError: 'allow' | 'deny', support: BeforeCommandSupport): BeforeDecision {
  return onError === 'deny' && support.deny ? { action: 'deny' } : { action: 'allow' };
}

/**
 * Whether the vendor can do what a decision asks for this command: a deny needs `deny`; a modify needs
 * the parts it changes (`text` for the text of text contents only, `contents` for anything else in the
 * contents, `ext` for a changed ext) and a message to change. A deny reason the vendor cannot show is
 * dropped, not refused: the operation is still stopped.
 */
export function canHonour(
  support: BeforeCommandSupport,
  decision: BeforeDecision,
  message: UnifiedMessage | undefined,
): boolean {
  if (decision.action === 'allow') return true;
  if (decision.action === 'deny') return support.deny;
  if (!message || support.modify.length === 0) return false;
  // `contents` covers any change to the contents, the texts included.
  return partsChanged(message, decision.message).every(
    (part) => support.modify.includes(part) || (part === 'text' && support.modify.includes('contents')),
  );
}

/** The parts of a message a modification changes; `text` only when nothing but texts of text contents differ. */
export function partsChanged(
  original: UnifiedMessage,
  modified: { contents: MessageContent[]; ext?: Record<string, unknown> | null },
): ModifiablePart[] {
  const parts: ModifiablePart[] = [];
  if (!sameJson(original.ext ?? null, modified.ext ?? null)) parts.push('ext');
  const before = original.contents;
  const after = modified.contents;
  if (before.length !== after.length) parts.push('contents');
  else {
    let text = false;
    for (let i = 0; i < before.length; i++) {
      const a = before[i]!;
      const b = after[i]!;
      if (a.type === 'text' && b.type === 'text') {
        if (a.text !== b.text) text = true;
        if (!sameJson({ ...a, text: '' }, { ...b, text: '' })) return [...parts, 'contents'];
      } else if (!sameJson(a, b)) return [...parts, 'contents'];
    }
    if (text) parts.push('text');
  }
  return parts;
}

/** Structural equality of JSON values, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
