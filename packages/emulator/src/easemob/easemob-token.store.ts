import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { easemobError, type EasemobErrorReply } from './easemob-errors.js';

const SECURITY_EXCEPTION = 'org.apache.usergrid.rest.exceptions.SecurityException';
// App tokens in the vendor's examples start with `YWMt` and are base64url text.
const TOKEN_SHAPE = /^YWMt[A-Za-z0-9_-]{20,}$/;

interface IssuedToken {
  appKey: string;
  /** ms; Infinity for `ttl: 0` ("never expires", easemob.md §1.1). */
  expiresAt: number;
}

/** App tokens issued by `POST /{org}/{app}/token` and the bearer check every other call makes. */
export class EasemobTokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(appKey: string, ttlSeconds: number): string {
    const token = `YWMt${randomBytes(48).toString('base64url')}`;
    const expiresAt = ttlSeconds === 0 ? Number.POSITIVE_INFINITY : Date.now() + ttlSeconds * 1000;
    this.tokens.set(token, { appKey, expiresAt });
    return token;
  }

  /** Makes every issued token expired, so clients exercise their refresh-on-401 path. */
  expireAll(): void {
    for (const token of this.tokens.values()) token.expiresAt = 0;
  }

  clear(): void {
    this.tokens.clear();
  }

  /** The vendor's 401 answers (easemob.md §1.2 table), or null when the token is good for `appKey`. */
  check(request: FastifyRequest, appKey: string): EasemobErrorReply | null {
    const header = request.headers.authorization;
    if (!header) {
      return easemobError(
        401,
        'unauthorized',
        'Unable to authenticate due to expired access token',
        SECURITY_EXCEPTION,
      );
    }
    const match = /^Bearer (\S+)$/.exec(header);
    const token = match?.[1];
    if (!token || !TOKEN_SHAPE.test(token)) {
      return easemobError(
        401,
        'auth_bad_access_token',
        'Unable to authenticate due to corrupt access token',
        SECURITY_EXCEPTION,
      );
    }
    const issued = this.tokens.get(token);
    // A well-formed token this server did not issue, or one issued for another app (§1.2).
    if (!issued || issued.appKey !== appKey) {
      return easemobError(401, 'auth_bad_access_token', 'Unable to authenticate', SECURITY_EXCEPTION);
    }
    if (issued.expiresAt <= Date.now()) {
      return easemobError(
        401,
        'unauthorized',
        'Unable to authenticate due to expired access token',
        SECURITY_EXCEPTION,
      );
    }
    return null;
  }
}
