import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateUserSig } from '@im-gateway/signing';
import { inflateSync, deflateSync } from 'node:zlib';
import { Api } from 'tls-sig-api-v2/TLSSigAPIv2.js';
import { startTencentEmulator, type TencentEmulator } from '../src/index.js';
import { post, TENCENT_APP, tencentQuery, text } from './helpers.js';

let emu: TencentEmulator;
const ADMIN_ONLY = { sdkAppId: 1400000002, secretKey: 'second-key', adminIdentifiers: ['administrator'] };
const sendmsg = (query: string, body: unknown = { To_Account: 'u2', MsgRandom: 1, MsgBody: text('hi') }) =>
  post(`${emu.url}/v4/openim/sendmsg?${query}`, body);

beforeAll(async () => {
  emu = await startTencentEmulator({ apps: [TENCENT_APP, ADMIN_ONLY] });
});
afterAll(() => emu.close());

/** Re-encodes a UserSig after editing its JSON document (the HMAC is left as it was). */
function tamper(sig: string, edit: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(
    inflateSync(
      Buffer.from(sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64'),
    ).toString(),
  ) as Record<string, unknown>;
  edit(doc);
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}

const code = async (query: string) => {
  const res = await sendmsg(query);
  expect(res.status).toBe(200); // Tencent answers HTTP 200 with the error in the body (tencent.md §4.1)
  expect(Object.keys(res.json).slice(0, 3).sort()).toEqual(['ActionStatus', 'ErrorCode', 'ErrorInfo']);
  return res.json['ErrorCode'];
};

describe('Tencent REST authentication', () => {
  it('accepts a UserSig from the official tls-sig-api-v2 package', async () => {
    const res = await sendmsg(tencentQuery());
    expect(res.json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it('refuses an expired UserSig with 70001', async () => {
    const expired = generateUserSig({
      ...TENCENT_APP,
      identifier: 'administrator',
      expireSeconds: 60,
      now: new Date(Date.now() - 120_000),
    });
    expect(await code(tencentQuery({ usersig: expired }))).toBe(70001);
  });

  it('refuses a UserSig signed with another key with 70009', async () => {
    const forged = new Api(TENCENT_APP.sdkAppId, 'attacker-key').genUserSig('administrator', 86400);
    expect(await code(tencentQuery({ usersig: forged }))).toBe(70009);
  });

  it('refuses a tampered UserSig: edited document 70009, broken encoding 70003', async () => {
    const genuine = new Api(TENCENT_APP.sdkAppId, TENCENT_APP.secretKey).genUserSig('administrator', 86400);
    expect(await code(tencentQuery({ usersig: tamper(genuine, (d) => (d['TLS.expire'] = 999999999)) }))).toBe(
      70009,
    );
    expect(await code(tencentQuery({ usersig: genuine.slice(0, -12) }))).toBe(70003);
  });

  it('refuses a UserSig of another SDKAppID (70014) and another identifier (70013)', async () => {
    const otherApp = new Api(1400000999, TENCENT_APP.secretKey).genUserSig('administrator', 86400);
    expect(await code(tencentQuery({ usersig: otherApp }))).toBe(70014);
    const otherUser = new Api(TENCENT_APP.sdkAppId, TENCENT_APP.secretKey).genUserSig('someone', 86400);
    expect(await code(tencentQuery({ usersig: otherUser }))).toBe(70013);
  });

  it('checks the query parameters: sdkappid 60006, identifier 60004, usersig 70002, random/contenttype 60002', async () => {
    expect(await code(tencentQuery({ sdkappid: '1400000999' }))).toBe(60006);
    expect(await code(tencentQuery({ identifier: undefined }))).toBe(60004);
    expect(await code(tencentQuery({ usersig: undefined }))).toBe(70002);
    expect(await code(tencentQuery({ random: undefined }))).toBe(60002);
    expect(await code(tencentQuery({ random: '4294967296' }))).toBe(60002);
    expect(await code(tencentQuery({ contenttype: undefined }))).toBe(60002);
  });

  it('requires an App admin identifier when the app lists them (60010)', async () => {
    const userSig = new Api(ADMIN_ONLY.sdkAppId, ADMIN_ONLY.secretKey).genUserSig('user1', 86400);
    expect(await code(tencentQuery({ identifier: 'user1', usersig: userSig }, ADMIN_ONLY))).toBe(60010);
    expect(await code(tencentQuery({}, ADMIN_ONLY))).toBe(0);
  });

  it('answers a body that is not a JSON object with 90001', async () => {
    for (const body of ['', '{"To_Account":', '[]']) {
      const res = await sendmsg(tencentQuery(), body);
      expect([res.status, res.json['ErrorCode'], res.json['ActionStatus']]).toEqual([200, 90001, 'FAIL']);
    }
  });
});
