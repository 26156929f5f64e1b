import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import axios from 'axios';
import { startTencentEmulator, type TencentEmulator } from '@im-gateway/emulator';
import { TencentProvider } from '@im-gateway/provider-tencent';
import type { SendRequest, VendorCallContext } from '@im-gateway/types';
import { TENCENT, sleep } from './send-support.js';

let emulator: TencentEmulator;

beforeAll(async () => {
  emulator = await startTencentEmulator({
    apps: [{ sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey }],
  });
});
afterAll(async () => {
  await emulator.close();
});

/** No limiter, no retries: each vendor call is attempted once. */
const direct: VendorCallContext = {
  appId: 'app',
  deadline: Number.MAX_SAFE_INTEGER,
  call: (_api, _weight, attempt) => attempt(5_000),
};
const request: SendRequest = {
  from: 'a',
  to: { type: 'user', ids: ['b'] },
  content: { type: 'text', text: 'x' },
};

describe('Tencent UserSig', () => {
  it('is signed again when the cached one nears its expiry, so a later send succeeds', async () => {
    const provider = new TencentProvider(axios.create(), { userSigTtlSeconds: 2 });
    const config = { ...TENCENT, baseUrl: emulator.url };
    expect((await provider.send(config, request, direct)).recipients[0]?.status).toBe('sent');
    await sleep(2_500); // the first UserSig has expired at the emulator by now (70001 if reused)
    expect((await provider.send(config, request, direct)).recipients[0]?.status).toBe('sent');
    expect(emulator.messages()).toHaveLength(2);
  });

  it('refuses with vendor_auth_failed when the secret key is wrong', async () => {
    const provider = new TencentProvider(axios.create());
    const config = { ...TENCENT, secretKey: 'wrong-key', baseUrl: emulator.url };
    await expect(provider.send(config, request, direct)).rejects.toMatchObject({
      code: 'vendor_auth_failed',
      vendorCode: '70009',
    });
  });
});
