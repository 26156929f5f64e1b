import { tencentCallbackSign } from '@im-gateway/signing';
import type { TencentApp } from './tencent.types.js';

export interface TencentCallbackTarget {
  command: string;
  clientIp?: string;
  optPlatform?: string;
  /** Unix seconds; default now. */
  requestTime?: number;
}

/**
 * The callback URL as the vendor builds it (tencent.md §1.1–1.2): the configured URL plus
 * `SdkAppid`, `CallbackCommand`, `contenttype=json`, `ClientIP`, `OptPlatform`, and with a token
 * configured `RequestTime` (seconds) and `Sign` = sha256(token + RequestTime).
 */
export function tencentCallbackUrl(base: string, app: TencentApp, target: TencentCallbackTarget): string {
  const query = new URLSearchParams({
    SdkAppid: String(app.sdkAppId),
    CallbackCommand: target.command,
    contenttype: 'json',
    ClientIP: target.clientIp ?? '127.0.0.1',
    OptPlatform: target.optPlatform ?? 'RESTAPI',
  });
  if (app.callbackToken !== undefined) {
    const requestTime = target.requestTime ?? Math.floor(Date.now() / 1000);
    query.set('RequestTime', String(requestTime));
    query.set('Sign', tencentCallbackSign(app.callbackToken, requestTime));
  }
  return `${base}${base.includes('?') ? '&' : '?'}${query.toString()}`;
}
