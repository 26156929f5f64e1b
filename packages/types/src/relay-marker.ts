/**
 * Migration bridges: how a relayed message is marked, and what an event a relay caused says about it.
 *
 * A relayed message carries the marker in its `ext` (Easemob `ext`, Tencent `CloudCustomData`), the only
 * place both vendors give back unchanged in their callbacks: so the copy, when it comes back as an event on
 * the other side, can be told from a new message and is never relayed back.
 */

/** The `ext` key of the marker. */
export const RELAY_EXT_KEY = 'imGatewayRelay';

export interface RelayMarker {
  bridgeId: string;
  /** The relay (or dual-send) that sent this copy. */
  relayId: string;
  /** The event the relay repeats; null for a dual-send. */
  originEventId: string | null;
  originProvider: string;
  /** The original message's id at its vendor. */
  originMessageId: string;
  /** When the original was sent (ISO-8601): vendors let a server send stamp no time of its own choosing. */
  originSentAt?: string;
  /** Dual-sends only: `origin` is the copy on the bridge's source side, `copy` the one on its target side. */
  role?: 'origin' | 'copy';
}

/** `data.relay` of an event that a relay caused: its origin, so receivers can tell the copy from the original. */
export interface RelayOrigin {
  bridgeId: string;
  relayId: string;
  originEventId: string | null;
  originProvider: string;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The marker in a message's `ext`, if it has a well-formed one. */
export function readRelayMarker(ext: Record<string, unknown> | undefined): RelayMarker | null {
  const m = ext?.[RELAY_EXT_KEY];
  if (typeof m !== 'object' || m === null) return null;
  const r = m as Record<string, unknown>;
  if (!isString(r.bridgeId) || !isString(r.relayId) || !isString(r.originProvider)) return null;
  if (!isString(r.originMessageId)) return null;
  if (r.originEventId !== null && !isString(r.originEventId)) return null;
  return {
    bridgeId: r.bridgeId,
    relayId: r.relayId,
    originEventId: r.originEventId,
    originProvider: r.originProvider,
    originMessageId: r.originMessageId,
    ...(isString(r.originSentAt) ? { originSentAt: r.originSentAt } : {}),
    ...(r.role === 'origin' || r.role === 'copy' ? { role: r.role } : {}),
  };
}
