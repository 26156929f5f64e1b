import { randomInt } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import { callWithFreshCredential } from '@im-gateway/provider-kit';
import type { TencentConfig } from '../tencent.config.js';
import { VendorRequestError } from '@im-gateway/types';
import { TENCENT_USERSIG_CODES, tencentError, tencentHttpError, tencentPost } from './tencent-http.js';
import { TencentUserSigCache } from './tencent-usersig.cache.js';

export const TENCENT_DEFAULT_BASE_URL = 'https://console.tim.qq.com';

/** A uint32, as `random`, `MsgRandom` and `Random` require (tencent.md §4.1–4.2). */
export const randomUint32 = (): number => randomInt(0, 0x1_0000_0000);

export interface TencentClientOptions {
  /** UserSig validity; shorter only in tests. */
  userSigTtlSeconds?: number;
  /** The clock migration mutes are measured against (mutes are written as the time left); tests pass the emulator's. */
  now?: () => number;
}

/**
 * The Tencent IM REST API of one app: `POST {baseUrl}/v4/{service}/{command}?sdkappid&identifier&usersig&
 * random&contenttype=json` (tencent.md §4.1). Answers the body of an `OK` (or batch `SomeError`) result;
 * throws `VendorRequestError` otherwise. A refused UserSig is signed again and the call repeated once.
 */
export class TencentRestClient {
  private readonly base: string;
  private readonly sigs: TencentUserSigCache;

  constructor(
    private readonly http: AxiosInstance,
    private readonly config: Pick<TencentConfig, 'sdkAppId' | 'secretKey' | 'adminIdentifier' | 'baseUrl'>,
    options: TencentClientOptions = {},
  ) {
    this.base = (config.baseUrl ?? TENCENT_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.sigs = new TencentUserSigCache(
      config.sdkAppId,
      config.secretKey,
      config.adminIdentifier,
      options.userSigTtlSeconds,
    );
  }

  async post(
    command: string,
    body: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<Record<string, unknown>> {
    const answer = await callWithFreshCredential(
      this.sigs,
      timeoutMs,
      (sig, left) => this.request(command, body, sig, left),
      (refused) => refused.ActionStatus === 'FAIL' && TENCENT_USERSIG_CODES.has(Number(refused.ErrorCode)),
    );
    if (answer.ActionStatus === 'OK' || answer.ActionStatus === 'SomeError') return answer;
    throw tencentError(Number(answer.ErrorCode), String(answer.ErrorInfo ?? ''));
  }

  /**
   * Downloads a file the API pointed at (`get_history`'s URLs): a signed URL, so no UserSig. Network and
   * HTTP failures throw `VendorRequestError` like the API calls.
   */
  async download(url: string, timeoutMs: number): Promise<Buffer> {
    try {
      const answer = await this.http.get<ArrayBuffer>(url, {
        responseType: 'arraybuffer',
        timeout: timeoutMs,
        validateStatus: () => true,
      });
      if (answer.status !== 200) throw tencentHttpError(answer.status, undefined);
      return Buffer.from(answer.data);
    } catch (error) {
      if (error instanceof VendorRequestError) throw error;
      throw new VendorRequestError(
        'vendor_unavailable',
        `Tencent file download failed: ${(error as Error).message}`,
      );
    }
  }

  private async request(
    command: string,
    body: Record<string, unknown>,
    sig: string,
    timeoutMs: number,
  ): Promise<Record<string, unknown>> {
    const query = new URLSearchParams({
      sdkappid: String(this.config.sdkAppId),
      identifier: this.config.adminIdentifier,
      usersig: sig,
      random: String(randomUint32()),
      contenttype: 'json',
    });
    return tencentPost(this.http, `${this.base}/v4/${command}?${query.toString()}`, body, timeoutMs);
  }
}
