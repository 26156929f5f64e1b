import type { AxiosInstance } from 'axios';
import { VendorRequestError } from '@im-gateway/types';
import { easemobError, easemobPost } from './easemob-http.js';

/** Refresh this long before the stated expiry: the docs warn a token may die before `expires_in`. */
const REFRESH_MARGIN_MS = 60_000;
const TOKEN_TIMEOUT_MS = 10_000;

/**
 * The app token of one Easemob app (`POST /{org}/{app}/token`, client credentials, easemob.md §1.1).
 * Cached and shared by concurrent callers: the vendor bans accounts that request tokens too often.
 */
export class EasemobTokenCache {
  private token: { value: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly http: AxiosInstance,
    private readonly tokenUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, fetched when none is cached or the cached one is near its expiry. */
  async get(): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.value;
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forget `value` after the vendor refused it (401), so the next `get` fetches a new one. */
  invalidate(value: string): void {
    if (this.token?.value === value) this.token = undefined;
  }

  private async fetch(): Promise<string> {
    const answer = await easemobPost(
      this.http,
      this.tokenUrl,
      { grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret },
      TOKEN_TIMEOUT_MS,
    );
    if (answer.status !== 200) {
      const error = easemobError(answer);
      // 400 invalid_grant: wrong client id or secret, a config problem no retry fixes.
      if (answer.status === 400)
        throw new VendorRequestError('vendor_auth_failed', error.message, error.vendorCode);
      throw error;
    }
    const value = answer.body.access_token;
    const expiresIn = Number(answer.body.expires_in);
    if (typeof value !== 'string' || value === '')
      throw new VendorRequestError('vendor_unavailable', 'Easemob answered a token request without a token.');
    // expires_in is seconds; 0 means "never expires".
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 365 * 86_400_000;
    this.token = { value, refreshAt: this.now() + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2) };
    return value;
  }
}
