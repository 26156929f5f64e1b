import { ImGatewayError, VendorRequestError, type MigrationItemResult } from '@im-gateway/types';

/** The result of an item a vendor error failed (the contract's `failed`, as a send fails a recipient). */
export function failedItem(key: string, error: unknown): MigrationItemResult {
  if (error instanceof ImGatewayError) {
    const vendorCode = error instanceof VendorRequestError ? error.vendorCode : undefined;
    return {
      key,
      status: 'failed',
      error: { code: error.code, message: error.message, ...(vendorCode ? { vendorCode } : {}) },
    };
  }
  return { key, status: 'failed', error: { code: 'internal_error', message: 'Unexpected error.' } };
}

/**
 * Migration cursors are opaque strings jobs store: a provider keeps its position (a vendor cursor, a page
 * number, an hour) as JSON, base64url-encoded so it survives any storage and URL.
 */
export function encodeMigrationCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position of a cursor `encodeMigrationCursor` made; null for the first page; throws on a foreign one. */
export function decodeMigrationCursor<T extends Record<string, unknown>>(cursor: string | null): T | null {
  if (cursor === null) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as T;
  } catch {
    // Falls through to the error below.
  }
  throw new ImGatewayError('invalid_cursor', 'The cursor was not made by this provider for this read.');
}
