import { v7 as uuidv7 } from 'uuid';

/** A new time-sortable id (UUIDv7): ids created later sort after earlier ones, so cursors are stable. */
export function newId(): string {
  return uuidv7();
}

/** Now, as stored: ISO-8601 UTC with milliseconds. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
