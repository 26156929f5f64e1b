import type { AxiosInstance } from 'axios';
import { callWithFreshCredential } from '@im-gateway/provider-kit';
import type { EasemobConfig } from '../easemob.config.js';
import { easemobError, easemobPost, type EasemobAnswer } from './easemob-http.js';
import { EasemobTokenCache } from './easemob-token.cache.js';

export const EASEMOB_DEFAULT_BASE_URL = 'https://a1.easemob.com';

/**
 * The Easemob REST API of one app: `{baseUrl}/{org}/{app}/…` with the app token as bearer (easemob.md §1).
 * A 401 means the token died early (the docs allow that): the token is fetched again and the call made
 * once more.
 */
export class EasemobRestClient {
  private readonly base: string;
  private readonly tokens: EasemobTokenCache;

  constructor(
    private readonly http: AxiosInstance,
    config: Pick<EasemobConfig, 'orgName' | 'appName' | 'clientId' | 'clientSecret' | 'baseUrl'>,
  ) {
    this.base = `${(config.baseUrl ?? EASEMOB_DEFAULT_BASE_URL).replace(/\/+$/, '')}/${config.orgName}/${config.appName}`;
    this.tokens = new EasemobTokenCache(http, `${this.base}/token`, config.clientId, config.clientSecret);
  }

  /** POSTs `body` to `path` (e.g. `/messages/users`); answers the 200 answer, throws `VendorRequestError`. */
  async post(path: string, body: unknown, timeoutMs: number): Promise<EasemobAnswer> {
    const answer = await callWithFreshCredential(
      this.tokens,
      timeoutMs,
      (token, left) => easemobPost(this.http, `${this.base}${path}`, body, left, auth(token)),
      (refused) => refused.status === 401,
    );
    if (answer.status !== 200) throw easemobError(answer);
    return answer;
  }
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
