import { beforeAll, describe, expect, it } from '@jest/globals';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';
import { cleanupAfterAll } from './bridge-support.js';

const cleanup = cleanupAfterAll();

describe("bridge rules checked against the vendors' id rules", () => {
  let gw: RunningGateway;
  let em: string;
  let tc: string;
  beforeAll(async () => {
    gw = await startGateway();
    cleanup(() => gw.close());
    em = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    tc = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
  });

  const affix = (source: Record<string, string>, target: Record<string, string>) => ({
    type: 'affix',
    source,
    target,
  });

  it.each([
    [
      'an Easemob prefix in upper case (Easemob ids are lower case)',
      affix({ prefix: 'EM_' }, { prefix: 'tc_' }),
      'userMapping.source.prefix',
      /on the source app \(Easemob\): prefix "EM_" has "E", outside the user-id rule \(a-z, 0-9, _ - \. \(lower case\)\)/,
    ],
    [
      'an Easemob suffix with "@"',
      affix({ suffix: '@em' }, { prefix: 'tc_' }),
      'userMapping.source.suffix',
      /on the source app \(Easemob\): suffix "@em" has "@"/,
    ],
    [
      'a Tencent prefix with a control character',
      affix({ prefix: 'em_' }, { prefix: 'tc\u0007' }),
      'userMapping.target.prefix',
      /on the target app \(Tencent\): prefix .* outside the user-id rule \(any character but control characters/,
    ],
    [
      'a Tencent prefix and suffix that fill the 32 bytes of a UserID',
      affix({ prefix: 'em_' }, { prefix: 'p'.repeat(20), suffix: 's'.repeat(12) }),
      'userMapping.target.prefix',
      /on the target app \(Tencent\): prefix and suffix take 32 bytes: .* 32-byte limit/,
    ],
  ])('refuses %s with 400 naming the side and the rule', async (_label, userMapping, field, message) => {
    const res = await gw.call('POST', '/v1/bridges', {
      body: { sourceAppId: em, targetAppId: tc, userMapping },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('checks each side against its own vendor, on update too, and keeps the rule when refused', async () => {
    // Reversed: the source is Tencent, where "TC#" is a fine prefix, and the target Easemob.
    const created = await gw.call('POST', '/v1/bridges', {
      body: { sourceAppId: tc, targetAppId: em, userMapping: affix({ prefix: 'TC#' }, { prefix: 'em_' }) },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    cleanup(async () => void (await gw.call('DELETE', `/v1/bridges/${id}`)));
    const refused = await gw.call('PATCH', `/v1/bridges/${id}`, {
      body: { userMapping: affix({ prefix: 'tc_' }, { prefix: 'Em_' }) },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('userMapping.target.prefix');
    expect(refused.body.error.message).toMatch(/target app \(Easemob\): prefix "Em_" has "E"/);
    expect((await gw.call('GET', `/v1/bridges/${id}`)).body.userMapping).toEqual({
      type: 'affix',
      source: { prefix: 'TC#', suffix: '' },
      target: { prefix: 'em_', suffix: '' },
    });
  });

  it('reads a CSV header in any case and spacing, and refuses a first line of other column names with its line', async () => {
    // Two apps of their own: em and tc are bridged by the test above.
    const source = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const target = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
    const created = await gw.call('POST', '/v1/bridges', {
      body: { sourceAppId: source, targetAppId: target },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    cleanup(async () => void (await gw.call('DELETE', `/v1/bridges/${id}`)));
    const upload = (csv: string) =>
      gw.call('PUT', `/v1/bridges/${id}/mappings/user`, {
        rawBody: csv,
        headers: { 'content-type': 'text/csv' },
      });

    const spaced = await upload('Source ID , Target ID\r\nalice,alice_t\r\n');
    expect(spaced.status).toBe(200);
    expect(spaced.body).toMatchObject({ received: 1, accepted: 1, rejected: [] });

    for (const header of ['from,to', 'src,dst']) {
      const res = await upload(`${header}\nbob,bob_t\n`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toBe(
        `Line 1 (${header}) is a header but not source,target: name the columns source,target (the source app's id first) or remove the line.`,
      );
    }
    // The refused uploads left the table as it was.
    const table = await gw.call('GET', `/v1/bridges/${id}/mappings/user`);
    expect(table.body.data.map((r: { source: string }) => r.source)).toEqual(['alice']);
  });
});
