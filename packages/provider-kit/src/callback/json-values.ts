import { createHash } from 'node:crypto';

/** Pure helpers for reading loosely typed vendor JSON. Vendors send numbers as strings, omit fields in
 * older shapes and spell keys two ways; these read defensively and never throw. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or a finite number rendered as a string; anything else is undefined. */
export function readString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string (numbers accepted), else undefined. */
export function readId(value: unknown): string | undefined {
  const s = readString(value);
  return s === undefined || s.length === 0 ? undefined : s;
}

/** A finite number, or a string holding one (`"200"`, `"1.5"`); anything else is undefined. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** `true`/`false` or their string forms (`"true"`, `"false"`, `"1"`, `"0"`). */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return undefined;
}

/** The first of several spellings of a key that is present (`Length` / `length`). */
export function readAny(record: Record<string, unknown>, ...keys: string[]): unknown {
  for (const k of keys) if (record[k] !== undefined) return record[k];
  return undefined;
}

const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);

/** ISO-8601 (ms) for a Unix time in milliseconds, or undefined when it is not a plausible time. */
export function isoFromMillis(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return undefined;
  return new Date(Math.trunc(ms)).toISOString();
}

/** ISO-8601 (ms) for a Unix time in seconds, or undefined when it is not a plausible time. */
export function isoFromSeconds(s: number | undefined): string | undefined {
  return s === undefined ? undefined : isoFromMillis(s * 1000);
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short stable hash of a JSON value, for dedupe keys of vendor events that carry no id of their own. */
export function hashJson(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 32);
}
