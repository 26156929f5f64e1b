/**
 * How deep a JSON body may nest. No API body and no vendor callback comes near it; a body nested thousands
 * deep would overflow the stack of validation (class-transformer, class-validator recurse) and of storage.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, found by one scan of the text before it is
 * parsed (so the check itself cannot overflow the stack).
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Whether a parsed JSON value holds a NUL character in a string or a key. PostgreSQL cannot store NUL in
 * text or jsonb, so it is refused on every engine alike. `text` is the JSON it was parsed from: a NUL can
 * only come from a `\u0000` escape, so most bodies are cleared without a walk.
 */
export function jsonContainsNul(value: unknown, text: string): boolean {
  return /\\u0000/i.test(text) && containsNul(value);
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || containsNul(v));
  }
  return false;
}
