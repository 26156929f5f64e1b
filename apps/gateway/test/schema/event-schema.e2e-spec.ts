import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unifiedEventProblems } from '@im-gateway/types';
import { providerFixtures } from '../support/provider-fixtures.js';
import { startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';

const require = createRequire(import.meta.url);
const committed = JSON.parse(
  readFileSync(require.resolve('@im-gateway/types/schema/unified-event.schema.json'), 'utf8'),
) as Record<string, unknown>;

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('GET /v1/schema/events', () => {
  it('serves the committed schema file, without a token', async () => {
    const res = await fetch(`${gw.url}/v1/schema/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(await res.json()).toEqual(committed);
  });

  it('validates every event the events API returns for a vendor callback', async () => {
    const fixture = providerFixtures('@im-gateway/provider-tencent').find(
      (f) => f.name === 'Group.CallbackAfterSendMsg',
    )!;
    const token = 'schema-callback-token';
    const created = await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: Number(fixture.query.SdkAppid), callbackToken: token }),
    });
    const appId = created.body.id as string;
    // Tencent's recipe: Sign = sha256(token + RequestTime).
    const requestTime = String(Math.floor(Date.now() / 1000));
    const query = {
      ...fixture.query,
      RequestTime: requestTime,
      Sign: createHash('sha256').update(`${token}${requestTime}`).digest('hex'),
    };
    const posted = await gw.call('POST', `/callbacks/tencent/${appId}?${new URLSearchParams(query)}`, {
      token: null,
      body: fixture.body,
    });
    expect(posted.status).toBe(200);
    const events = (await gw.call('GET', `/v1/apps/${appId}/events`)).body.data as unknown[];
    expect(events.length).toBeGreaterThan(0);
    // The validator runs over the same document (a types spec keeps the committed file equal to it).
    expect(events.flatMap((e) => unifiedEventProblems(e, 'event'))).toEqual([]);
  });
});

describe.each(['@im-gateway/provider-easemob', '@im-gateway/provider-tencent'])(
  'every golden event of %s',
  (packageName) => {
    it.each(providerFixtures(packageName).map((f) => [f.name, f] as const))(
      '%s validates against $defs.UnifiedEventDraft',
      (_name, fixture) => {
        const problems = fixture.golden.flatMap((event, i) =>
          unifiedEventProblems(event, 'draft').map((p) => `event ${i}: ${p}`),
        );
        expect(problems).toEqual([]);
      },
    );
  },
);
