import type { AxiosInstance } from 'axios';
import { callWithFreshCredential, downloadVendorFile, requestVendor } from '@im-gateway/provider-kit';
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

  /** GETs `path` (with its query); answers the 200 answer, throws `VendorRequestError`. */
  get(path: string, timeoutMs: number): Promise<EasemobAnswer> {
    return this.send('GET', path, undefined, {}, timeoutMs);
  }

  /** PUTs a form (user attributes take `application/x-www-form-urlencoded` only, migration facts §2.3). */
  putForm(path: string, form: Record<string, string>, timeoutMs: number): Promise<EasemobAnswer> {
    const body = new URLSearchParams(form).toString();
    const type = { 'content-type': 'application/x-www-form-urlencoded' };
    return this.send('PUT', path, body, type, timeoutMs);
  }

  /** A signed file URL Easemob answered (the history export): fetched without our token. */
  async download(url: string, timeoutMs: number): Promise<Buffer> {
    const file = await downloadVendorFile(this.http, 'Easemob', { url, timeoutMs });
    if (file.status !== 200) throw easemobError({ status: file.status, body: {}, text: '', json: false });
    return file.data;
  }

  private async send(
    method: 'GET' | 'PUT',
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<EasemobAnswer> {
    const answer = await callWithFreshCredential(
      this.tokens,
      timeoutMs,
      (token, left) =>
        requestVendor(this.http, 'Easemob', {
          method,
          url: `${this.base}${path}`,
          ...(body === undefined ? {} : { body }),
          timeoutMs: left,
          headers: { accept: 'application/json', ...headers, ...auth(token) },
        }),
      (refused) => refused.status === 401,
    );
    if (answer.status !== 200) throw easemobError(answer);
    return answer;
  }
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
