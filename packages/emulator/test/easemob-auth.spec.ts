import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '../src/index.js';
import { EASEMOB_APP, easemobToken, post } from './helpers.js';

let emu: EasemobEmulator;
const OTHER = {
  ...EASEMOB_APP,
  orgName: 'org2',
  appName: 'app2',
  clientId: 'YXA6other',
  clientSecret: 'YXA6other-secret',
};
const tokenUrl = () => `${emu.url}/org1/app1/token`;
const sendAs = (token: string | undefined, app = EASEMOB_APP) =>
  post(
    `${emu.url}/${app.orgName}/${app.appName}/messages/users`,
    { to: ['u'], type: 'txt', body: { msg: 'x' } },
    token === undefined ? {} : { authorization: token },
  );

beforeAll(async () => {
  emu = await startEasemobEmulator({ apps: [EASEMOB_APP, OTHER], tokenTtlSeconds: 1 });
});
afterAll(() => emu.close());

describe('POST /{org}/{app}/token', () => {
  it('issues a token in the shape of rest_token_app.json, ttl given as a string', async () => {
    const res = await post(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: 'YXA6client',
      client_secret: 'YXA6secret',
      ttl: '1024000',
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(['access_token', 'expires_in', 'application']);
    expect(res.json).toMatchObject({ expires_in: 1024000 });
    expect(res.json['access_token']).toMatch(/^YWMt/);
  });

  it('answers wrong credentials with the lean invalid_grant body of rest_token_app_invalid_grant.json', async () => {
    const wrongId = await post(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: 'nope',
      client_secret: 'YXA6secret',
    });
    expect(wrongId.status).toBe(400);
    expect(wrongId.json).toEqual({ error_description: 'client_id does not match', error: 'invalid_grant' });
    const wrongSecret = await post(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: 'YXA6client',
      client_secret: 'nope',
    });
    expect(wrongSecret.json).toEqual({
      error_description: 'client_secret does not match',
      error: 'invalid_grant',
    });
  });

  it('requires client_id and client_secret (easemob.md §1.1 table)', async () => {
    const noId = await post(tokenUrl(), { grant_type: 'client_credentials', client_secret: 'x' });
    expect([noId.status, noId.json]).toEqual([
      400,
      { error_description: 'client_id must be provided.', error: 'illegal_argument' },
    ]);
    const noSecret = await post(tokenUrl(), { grant_type: 'client_credentials', client_id: 'x' });
    expect([noSecret.status, noSecret.json['error_description']]).toEqual([
      400,
      'client_secret must be provided',
    ]);
  });

  it('answers an unknown org/app with 404 organization_application_not_found', async () => {
    const res = await post(`${emu.url}/nope/nope/token`, {
      grant_type: 'client_credentials',
      client_id: 'a',
      client_secret: 'b',
    });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: 'organization_application_not_found' });
  });
});

describe('bearer token on the REST calls', () => {
  it('refuses a missing, corrupt or foreign token with the vendor 401 bodies', async () => {
    const missing = await sendAs(undefined);
    expect([missing.status, missing.json['error']]).toEqual([401, 'unauthorized']);
    const corrupt = await sendAs('Bearer not-a-token');
    expect(corrupt.status).toBe(401);
    // Same keys and values as rest_auth_bad_access_token_401.json.
    expect(Object.keys(corrupt.json).sort()).toEqual([
      'duration',
      'error',
      'error_description',
      'exception',
      'timestamp',
    ]);
    expect(corrupt.json).toMatchObject({
      error: 'auth_bad_access_token',
      exception: 'org.apache.usergrid.rest.exceptions.SecurityException',
      error_description: 'Unable to authenticate due to corrupt access token',
    });
    const unknown = await sendAs(`Bearer YWMt${'A'.repeat(40)}`);
    expect([unknown.status, unknown.json['error_description']]).toEqual([401, 'Unable to authenticate']);
    const otherAppToken = await easemobToken(emu.url, OTHER, 100);
    expect((await sendAs(`Bearer ${otherAppToken}`)).status).toBe(401);
    expect((await sendAs(`Bearer ${otherAppToken}`, OTHER)).status).toBe(200);
  });

  it('refuses a token once it has expired (tokenTtlSeconds: 1)', async () => {
    const token = await easemobToken(emu.url);
    expect((await sendAs(`Bearer ${token}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await sendAs(`Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error: 'unauthorized',
      error_description: 'Unable to authenticate due to expired access token',
    });
  });

  it('expires every issued token on demand (programmatic and HTTP), and a new token works', async () => {
    const forever = await easemobToken(emu.url, EASEMOB_APP, 0);
    expect((await sendAs(`Bearer ${forever}`)).status).toBe(200);
    emu.expireTokens();
    expect((await sendAs(`Bearer ${forever}`)).status).toBe(401);
    const fresh = await easemobToken(emu.url, EASEMOB_APP, 0);
    expect((await sendAs(`Bearer ${fresh}`)).status).toBe(200);
    expect((await post(`${emu.url}/_emulator/tokens/expire`, {})).status).toBe(204);
    expect((await sendAs(`Bearer ${fresh}`)).status).toBe(401);
  });
});
