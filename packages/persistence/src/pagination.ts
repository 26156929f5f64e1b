import { ImGatewayError } from '@im-gateway/types';
import {
  MoreThan,
  type EntityManager,
  type EntityTarget,
  type FindOptionsOrder,
  type FindOptionsWhere,
} from 'typeorm';

/** Cursor pagination over time-sortable ids: the cursor is the last id of the previous page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.trunc(limit)));
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The row id a cursor stands for. Cursors are opaque to clients; one this gateway did not hand out is a
 * 400 `invalid_cursor`, not an empty page.
 */
export function decodeCursor(cursor: string): string {
  if (!ID.test(cursor))
    throw new ImGatewayError('invalid_cursor', 'cursor is not one a list returned; pass nextCursor as is.');
  return cursor.toLowerCase();
}

/** Given `limit + 1` rows in id order, the page of `limit` rows and the cursor for the next one. */
export function toPage<T extends { id: string }, R>(rows: T[], limit: number, map: (row: T) => R): Page<R> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return { data: pageRows.map(map), nextCursor: more ? (pageRows[pageRows.length - 1]?.id ?? null) : null };
}

/** Applies `map` to every row of a page, keeping its cursor. */
export function mapPage<T, R>(page: Page<T>, map: (row: T) => R): Page<R> {
  return { data: page.data.map(map), nextCursor: page.nextCursor };
}

/**
 * One page of an entity's rows in id order after `cursor`, matching `where`: the query four list endpoints
 * repeated. Fetches `limit + 1` rows to know whether another page follows.
 */
export async function findPage<E extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: FindOptionsWhere<E>,
  cursor: string | undefined,
  limit: number | undefined,
): Promise<Page<E>> {
  const take = clampLimit(limit);
  const rows = await manager.find(entity, {
    where: { ...where, ...(cursor ? { id: MoreThan(decodeCursor(cursor)) } : {}) } as FindOptionsWhere<E>,
    order: { id: 'ASC' } as FindOptionsOrder<E>,
    take: take + 1,
  });
  return toPage(rows, take, (row) => row);
}
