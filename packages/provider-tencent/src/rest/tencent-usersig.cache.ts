import { generateUserSig } from '@im-gateway/signing';

/** Tencent advises at least 24 h of validity (error 70001, tencent.md §4.4); a week keeps signing rare. */
export const TENCENT_USERSIG_TTL_SECONDS = 7 * 86_400;
const REFRESH_MARGIN_SECONDS = 3_600;

/**
 * The admin identifier's UserSig for REST calls (`identifier` + `usersig`, tencent.md §4.1), which "may be
 * reused until it expires". It is computed locally with `generateUserSig` — HMAC-SHA256 from node:crypto
 * and a zlib deflate from node:zlib (tencent.md §5) — so signing needs no network call and no vendor
 * library, and is renewed well before its expiry or at once after the vendor calls it invalid.
 */
export class TencentUserSigCache {
  private sig: { value: string; refreshAt: number } | undefined;

  constructor(
    private readonly sdkAppId: number,
    private readonly secretKey: string,
    private readonly identifier: string,
    private readonly ttlSeconds: number = TENCENT_USERSIG_TTL_SECONDS,
    private readonly now: () => number = Date.now,
  ) {}

  get(): string {
    if (this.sig && this.now() < this.sig.refreshAt) return this.sig.value;
    const now = this.now();
    const value = generateUserSig({
      sdkAppId: this.sdkAppId,
      secretKey: this.secretKey,
      identifier: this.identifier,
      expireSeconds: this.ttlSeconds,
      now: new Date(now),
    });
    const refreshIn = Math.max(this.ttlSeconds - REFRESH_MARGIN_SECONDS, this.ttlSeconds / 2);
    this.sig = { value, refreshAt: now + refreshIn * 1000 };
    return value;
  }

  /** Drop `value` after the vendor refused it (70001 expired and the like). */
  invalidate(value: string): void {
    if (this.sig?.value === value) this.sig = undefined;
  }
}
