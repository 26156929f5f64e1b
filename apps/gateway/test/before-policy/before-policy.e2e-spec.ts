import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { BeforePolicyService } from '../../src/before-policy/before-policy.service.js';
import { POLICY_RECHECK_MS } from '../../src/before-policy/before-policy.cache.js';
import { verifyWebhook } from '@im-gateway/signing';
import { DecisionReceiver } from '../support/decision-receiver.js';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';

let gw: RunningGateway;
let strict: RunningGateway;
let easemob: string;
let tencent: string;
let strictApp: string;

const path = (appId: string, rest = '') => `/v1/apps/${appId}/before-policy${rest}`;

const links = {
  id: 'block-links',
  match: { eventTypes: ['message.send.requested'], text: { patterns: ['https?://\\S+'] } },
  action: { type: 'deny', reason: 'No links, please' },
};
const maskSwears = {
  id: 'mask-swears',
  match: { text: { keywords: ['darn'] } },
  action: { type: 'modify', mask: { keywords: ['darn'] }, dropExt: ['internal'] },
};

beforeAll(async () => {
  gw = await startGateway();
  strict = await startGateway({ env: { ENDPOINTS_ALLOW_PRIVATE: 'false' } });
  easemob = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  tencent = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
  strictApp = (await strict.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
});
afterAll(async () => {
  await gw.close();
  await strict.close();
});

describe(`before-policy API (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('creates, reads, replaces and deletes a policy; the endpoint secret shows only when made', async () => {
    expect((await gw.call('GET', path(easemob))).status).toBe(404);

    const created = await gw.call('PUT', path(easemob), {
      body: {
        rules: [links, maskSwears],
        decisionEndpoint: { url: 'http://127.0.0.1:9/decide', timeoutMs: 150 },
        onError: 'deny',
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      rules: [links, maskSwears],
      decisionEndpoint: { url: 'http://127.0.0.1:9/decide', timeoutMs: 150 },
      onError: 'deny',
      version: 1,
    });
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);

    const got = await gw.call('GET', path(easemob));
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ ...created.body, secret: undefined });
    expect(got.text).not.toContain(secret);
    const rows: unknown[] = await gw.app.get(DataSource).query('SELECT * FROM before_policies');
    expect(JSON.stringify(rows)).not.toContain(secret.slice('whsec_'.length));

    // The callback path's lookup has the secret, opened.
    const policy = await gw.app.get(BeforePolicyService).policyFor(easemob);
    expect(policy?.decisionEndpoint?.secret).toBe(secret);
    expect(policy?.rules.map((r) => r.id)).toEqual(['block-links', 'mask-swears']);

    const replaced = await gw.call('PUT', path(easemob), {
      body: {
        rules: [maskSwears],
        decisionEndpoint: { url: 'http://127.0.0.1:9/v2', timeoutMs: 100 },
        onError: 'allow',
      },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).not.toHaveProperty('secret');
    expect(replaced.body).toMatchObject({ rules: [maskSwears], onError: 'allow', version: 2 });
    // A write on this replica is seen by the next lookup at once, and the secret is kept.
    const after = await gw.app.get(BeforePolicyService).policyFor(easemob);
    expect(after?.rules.map((r) => r.id)).toEqual(['mask-swears']);
    expect(after?.decisionEndpoint).toEqual({ url: 'http://127.0.0.1:9/v2', timeoutMs: 100, secret });

    expect((await gw.call('DELETE', path(easemob))).status).toBe(204);
    expect((await gw.call('GET', path(easemob))).status).toBe(404);
    expect((await gw.call('DELETE', path(easemob))).status).toBe(404);
    expect(await gw.app.get(BeforePolicyService).policyFor(easemob)).toBeNull();
  });

  it('rotates the decision endpoint secret: the new one signs, the old one is gone', async () => {
    const first = await gw.call('PUT', path(tencent), {
      body: {
        rules: [],
        decisionEndpoint: { url: 'http://127.0.0.1:9/d', timeoutMs: 1_950 },
        onError: 'allow',
      },
    });
    expect(first.status).toBe(200);
    const rotated = await gw.call('POST', path(tencent, '/secret'));
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first.body.secret);
    const policy = await gw.app.get(BeforePolicyService).policyFor(tencent);
    expect(policy?.decisionEndpoint?.secret).toBe(rotated.body.secret);
    expect((await gw.call('GET', path(tencent))).body.version).toBe(2);

    // Without an endpoint there is no secret to rotate, and none is kept.
    await gw.call('PUT', path(tencent), { body: { rules: [], onError: 'allow' } });
    expect((await gw.call('POST', path(tencent, '/secret'))).status).toBe(404);
    await gw.call('DELETE', path(tencent));
  });

  it('gives concurrent writes distinct versions, so no cached copy outlives a change', async () => {
    const app = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const writes = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        gw.call('PUT', path(app), {
          body: { rules: [{ id: `r${i}`, match: {}, action: { type: 'allow' } }], onError: 'allow' },
        }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual([200, 200, 200, 200]);
    expect(writes.map((w) => w.body.version).sort()).toEqual([1, 2, 3, 4]);
    const last = writes.find((w) => w.body.version === 4)!;
    expect((await gw.call('GET', path(app))).body.rules).toEqual(last.body.rules);
  });

  it('goes with its app when the app is deleted', async () => {
    const app = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    expect((await gw.call('PUT', path(app), { body: { rules: [links], onError: 'allow' } })).status).toBe(
      200,
    );
    expect((await gw.call('DELETE', `/v1/apps/${app}`)).status).toBe(204);
    const rows: { app_id: string }[] = await gw.app
      .get(DataSource)
      .query('SELECT app_id FROM before_policies');
    expect(rows.map((r) => r.app_id)).not.toContain(app);
  });

  it('sees a change made through another replica within POLICY_RECHECK_MS', async () => {
    const other = await startGateway({ db: gw.db });
    try {
      const app = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
      const service = gw.app.get(BeforePolicyService);
      expect(await service.policyFor(app)).toBeNull();
      const put = await other.call('PUT', path(app), { body: { rules: [links], onError: 'allow' } });
      expect(put.status).toBe(200);
      await new Promise((r) => setTimeout(r, POLICY_RECHECK_MS + 50));
      expect((await service.policyFor(app))?.rules.map((r) => r.id)).toEqual(['block-links']);
      // Deleted and made again elsewhere with the same version number: still seen as a new row.
      await other.call('DELETE', path(app));
      await other.call('PUT', path(app), { body: { rules: [maskSwears], onError: 'allow' } });
      await new Promise((r) => setTimeout(r, POLICY_RECHECK_MS + 50));
      expect((await service.policyFor(app))?.rules.map((r) => r.id)).toEqual(['mask-swears']);
    } finally {
      await other.close();
    }
  });
});

describe('before-policy validation', () => {
  // [what is wrong, app, body, status, code, words the message must hold]
  const cases: [string, () => string, unknown, string, string[]][] = [
    [
      'unknown top-level field',
      () => easemob,
      { rules: [], onError: 'allow', rulez: [] },
      'validation_failed',
      ['rulez'],
    ],
    [
      'unknown field inside a rule',
      () => easemob,
      { rules: [{ id: 'r', match: { sender: ['x'] }, action: { type: 'allow' } }], onError: 'allow' },
      'validation_failed',
      ['sender'],
    ],
    [
      'unknown action type',
      () => easemob,
      { rules: [{ id: 'r', match: {}, action: { type: 'quarantine' } }], onError: 'allow' },
      'validation_failed',
      ['type'],
    ],
    [
      'invalid regular expression',
      () => easemob,
      {
        rules: [{ id: 'bad-re', match: { text: { patterns: ['(unclosed'] } }, action: { type: 'deny' } }],
        onError: 'allow',
      },
      'policy_invalid',
      ['rule "bad-re"', 'missing closing ): `(unclosed`'],
    ],
    [
      'an action the vendor command cannot do',
      () => tencent,
      {
        rules: [
          {
            id: 'rename-group',
            match: { eventTypes: ['group.create.requested'] },
            action: { type: 'modify', replaceText: 'x' },
          },
        ],
        onError: 'allow',
      },
      'policy_invalid',
      ['rule "rename-group"', 'modify (replaceText)', 'Group.CallbackBeforeCreateGroup'],
    ],
    [
      'an event type the vendor has no before-callback for',
      () => easemob,
      {
        rules: [
          { id: 'groups', match: { eventTypes: ['group.create.requested'] }, action: { type: 'deny' } },
        ],
        onError: 'allow',
      },
      'policy_invalid',
      ['rule "groups"', 'group.create.requested', 'easemob'],
    ],
    [
      'a decision budget above the vendor’s wait less the margin',
      () => easemob,
      { rules: [], decisionEndpoint: { url: 'http://127.0.0.1:9/d', timeoutMs: 151 }, onError: 'allow' },
      'policy_invalid',
      ['decisionEndpoint.timeoutMs', '150', '200 ms'],
    ],
    [
      'a vendorWaitMs below the range the vendor’s console takes',
      () => easemob,
      { rules: [], vendorWaitMs: 99, onError: 'allow' },
      'policy_invalid',
      ['vendorWaitMs: vendorWaitMs 99 is outside 100–10000 ms', 'easemob'],
    ],
    [
      'a vendorWaitMs above the range the vendor’s console takes',
      () => easemob,
      { rules: [], vendorWaitMs: 10_001, onError: 'allow' },
      'policy_invalid',
      ['vendorWaitMs: vendorWaitMs 10001 is outside 100–10000 ms'],
    ],
    [
      'a vendorWaitMs for a vendor whose wait is fixed',
      () => tencent,
      { rules: [], vendorWaitMs: 3_000, onError: 'allow' },
      'policy_invalid',
      ['vendorWaitMs: vendorWaitMs cannot be set for tencent', '2000 ms'],
    ],
    [
      'a decision budget above the app’s vendorWaitMs less the margin',
      () => easemob,
      {
        rules: [],
        vendorWaitMs: 1_000,
        decisionEndpoint: { url: 'http://127.0.0.1:9/d', timeoutMs: 951 },
        onError: 'allow',
      },
      'policy_invalid',
      ['decisionEndpoint.timeoutMs', 'above 950 ms', 'set (vendorWaitMs) to wait 1000 ms'],
    ],
    [
      'a vendorWaitMs that is not a whole number',
      () => easemob,
      { rules: [], vendorWaitMs: 1_000.5, onError: 'allow' },
      'validation_failed',
      ['vendorWaitMs'],
    ],
    [
      'a decision endpoint that is not http(s)',
      () => easemob,
      { rules: [], decisionEndpoint: { url: 'ftp://example.com/d', timeoutMs: 100 }, onError: 'allow' },
      'validation_failed',
      ['decisionEndpoint.url'],
    ],
    ['no onError', () => easemob, { rules: [] }, 'validation_failed', ['onError']],
  ];

  it.each(cases)('refuses %s with 400 naming it', async (_what, app, body, code, words) => {
    const res = await gw.call('PUT', path(app()), { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    for (const word of words) expect(res.body.error.message).toContain(word);
    expect((await gw.call('GET', path(app()))).status).toBe(404);
  });

  it('keeps the vendorWaitMs an app gives, and the budget it allows, until a PUT leaves it out', async () => {
    const body = {
      rules: [],
      vendorWaitMs: 3_000,
      decisionEndpoint: { url: 'http://127.0.0.1:9/d', timeoutMs: 2_950 },
      onError: 'allow',
    };
    const saved = await gw.call('PUT', path(easemob), { body });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ vendorWaitMs: 3_000, decisionEndpoint: { timeoutMs: 2_950 } });
    expect((await gw.call('GET', path(easemob))).body.vendorWaitMs).toBe(3_000);
    expect((await gw.app.get(BeforePolicyService).policyFor(easemob))?.vendorWaitMs).toBe(3_000);

    const without = await gw.call('PUT', path(easemob), {
      body: {
        ...body,
        vendorWaitMs: undefined,
        decisionEndpoint: { url: 'http://127.0.0.1:9/d', timeoutMs: 150 },
      },
    });
    expect(without.status).toBe(200);
    expect(without.body.vendorWaitMs).toBeNull();
    expect((await gw.call('GET', path(easemob))).body.vendorWaitMs).toBeNull();
    expect((await gw.app.get(BeforePolicyService).policyFor(easemob))?.vendorWaitMs).toBeNull();
    expect((await gw.call('DELETE', path(easemob))).status).toBe(204);
  });

  it('refuses a decision endpoint on a private address, as for webhook endpoints', async () => {
    const res = await strict.call('PUT', path(strictApp), {
      body: {
        rules: [],
        decisionEndpoint: { url: 'http://127.0.0.1:9/d', timeoutMs: 100 },
        onError: 'allow',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('decisionEndpoint.url');
    expect(res.body.error.message).toContain('private');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'decisionEndpoint.url' })]);
  });
});

describe('before-policy tenant scoping', () => {
  it('an app key manages its own app’s policy and no other', async () => {
    const mine = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const theirs = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const key = (await gw.call('POST', `/v1/apps/${mine}/api-keys`, { body: { name: 'k' } })).body.key;
    const theirPolicy = { rules: [links], onError: 'allow' };
    expect((await gw.call('PUT', path(theirs), { body: theirPolicy })).status).toBe(200);

    expect(
      (await gw.call('PUT', path(mine), { token: key, body: { rules: [], onError: 'deny' } })).status,
    ).toBe(200);
    expect((await gw.call('GET', path(mine), { token: key })).status).toBe(200);

    const attempts: [string, string, unknown?][] = [
      ['GET', path(theirs)],
      ['PUT', path(theirs), { rules: [], onError: 'allow' }],
      ['DELETE', path(theirs)],
      ['POST', path(theirs, '/secret')],
      ['POST', path(theirs, '/dry-run'), { event: { type: 'message.send.requested' } }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await gw.call(method, url, { token: key, body });
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 403 });
    }
    expect((await gw.call('GET', path(theirs), { token: null })).status).toBe(401);
    // Their policy is as they left it.
    expect((await gw.call('GET', path(theirs))).body).toMatchObject({ ...theirPolicy, version: 1 });
  });
});

describe('before-policy dry run', () => {
  const event = (text: string, ext?: Record<string, unknown>) => ({
    type: 'message.send.requested',
    conversation: { type: 'group', id: 'g1' },
    actor: 'alice',
    message: {
      id: 'm1',
      from: 'alice',
      to: 'g1',
      sentAt: '2026-01-01T00:00:00.000Z',
      contents: [{ type: 'text', text }],
      ext,
    },
    data: {},
  });
  let app: string;

  beforeAll(async () => {
    app = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const allowVip = { id: 'vip', match: { senders: ['vip'] }, action: { type: 'allow' } };
    await gw.call('PUT', path(app), {
      body: {
        rules: [allowVip, links, maskSwears],
        decisionEndpoint: { url: 'http://127.0.0.1:9/decide', timeoutMs: 100 },
        onError: 'allow',
      },
    });
  });

  const dryRun = (body: unknown) => gw.call('POST', path(app, '/dry-run'), { body });

  it('deny: names the rule and carries the reason', async () => {
    const res = await dryRun({ event: event('see https://spam.example') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      decision: { action: 'deny', reason: 'No links, please' },
      ruleId: 'block-links',
      source: 'rule',
      endpointWouldDecide: false,
    });
  });

  it('modify: the whole message as it would be delivered', async () => {
    const res = await dryRun({ event: event('darn it, DARN', { internal: 1, keep: 'y' }) });
    expect(res.body).toEqual({
      decision: {
        action: 'modify',
        message: { contents: [{ type: 'text', text: '**** it, ****' }], ext: { keep: 'y' } },
      },
      ruleId: 'mask-swears',
      source: 'rule',
      endpointWouldDecide: false,
    });
  });

  it('allow: an earlier rule lets a sender through before later rules look', async () => {
    const e = {
      ...event('https://ok.example'),
      message: {
        ...event('').message,
        from: 'vip',
        contents: [{ type: 'text', text: 'https://ok.example' }],
      },
    };
    const res = await dryRun({ event: e });
    expect(res.body).toMatchObject({ decision: { action: 'allow' }, ruleId: 'vip', source: 'rule' });
  });

  it('no rule matches: the default, and the endpoint would decide (it is not called)', async () => {
    const res = await dryRun({ event: event('hello') });
    expect(res.body).toEqual({
      decision: { action: 'allow' },
      ruleId: null,
      source: 'default',
      endpointWouldDecide: true,
    });
  });

  it('tries an unsaved policy, checked as PUT checks it, without saving it', async () => {
    const policy = {
      rules: [
        {
          id: 'shout',
          match: { text: { patterns: ['^[A-Z ]+$'] } },
          action: { type: 'modify', replaceText: 'hi' },
        },
      ],
      onError: 'allow',
    };
    const res = await dryRun({ event: event('HELLO'), policy });
    expect(res.body).toMatchObject({
      decision: { action: 'modify', message: { contents: [{ type: 'text', text: 'hi' }] } },
      ruleId: 'shout',
      endpointWouldDecide: false,
    });
    expect((await gw.call('GET', path(app))).body.rules.map((r: { id: string }) => r.id)).toEqual([
      'vip',
      'block-links',
      'mask-swears',
    ]);

    const invalid = await dryRun({
      event: event('x'),
      policy: {
        rules: [{ id: 'bad', match: { text: { patterns: ['[z-a]'] } }, action: { type: 'deny' } }],
        onError: 'allow',
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('policy_invalid');
    expect(invalid.body.error.message).toContain('[z-a]');
  });

  it('refuses an event that is not a before-callback’s', async () => {
    const res = await dryRun({ event: { ...event('x'), type: 'message.sent' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('event.type');
    const malformed = await dryRun({ event: { ...event('x'), message: { from: 'alice', contents: 'x' } } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('event.message.contents');
  });

  it('an app without a policy: the default', async () => {
    const bare = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const res = await gw.call('POST', path(bare, '/dry-run'), { body: { event: event('https://x') } });
    expect(res.body).toEqual({
      decision: { action: 'allow' },
      ruleId: null,
      source: 'default',
      endpointWouldDecide: false,
    });
  });
});

describe('before-policy dry run asking the decision endpoint', () => {
  const event = {
    type: 'message.send.requested',
    conversation: { type: 'direct', id: 'bob' },
    message: {
      id: 'm9',
      from: 'alice',
      to: 'bob',
      sentAt: '2026-01-01T00:00:00.000Z',
      contents: [{ type: 'text', text: 'hello' }],
    },
  };
  let receiver: DecisionReceiver;
  let app: string;
  let secret: string;

  beforeAll(async () => {
    receiver = await new DecisionReceiver(() => ({
      body: '{"action":"deny","reason":"held for review"}',
    })).start();
    app = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
    const put = await gw.call('PUT', path(app), {
      body: { rules: [], decisionEndpoint: { url: receiver.url, timeoutMs: 300 }, onError: 'deny' },
    });
    secret = put.body.secret;
  });
  afterAll(() => receiver.stop());

  it('is not called unless asked', async () => {
    const before = receiver.received.length;
    const res = await gw.call('POST', path(app, '/dry-run'), { body: { event } });
    expect(res.body).toMatchObject({ source: 'default', endpointWouldDecide: true });
    expect(receiver.received.length).toBe(before);
  });

  it('with callEndpoint: a signed request, and the endpoint’s decision', async () => {
    receiver.setBehaviour(() => ({ body: '{"action":"deny","reason":"held for review"}' }));
    const res = await gw.call('POST', path(app, '/dry-run'), { body: { event, callEndpoint: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      decision: { action: 'deny', reason: 'held for review' },
      ruleId: null,
      source: 'endpoint',
    });
    const request = receiver.received.at(-1)!;
    const cloudEvent = JSON.parse(request.body);
    expect(cloudEvent).toMatchObject({
      type: 'message.send.requested',
      source: `/apps/${app}`,
      improvider: 'tencent',
    });
    expect(() =>
      verifyWebhook({ secrets: secret, headers: request.headers, body: request.body }),
    ).not.toThrow();
    expect(() =>
      verifyWebhook({ secrets: `whsec_${'A'.repeat(32)}`, headers: request.headers, body: request.body }),
    ).toThrow();
  });

  it('with callEndpoint: a slow endpoint yields onError within its timeoutMs', async () => {
    receiver.setBehaviour(() => ({ body: '{"action":"allow"}', delayMs: 2_000 }));
    const started = Date.now();
    const res = await gw.call('POST', path(app, '/dry-run'), { body: { event, callEndpoint: true } });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(res.body).toMatchObject({ decision: { action: 'deny' }, source: 'fallback', error: 'timeout' });
    expect(res.body.tookMs).toBeGreaterThanOrEqual(290);
    expect(res.body.tookMs).toBeLessThan(600);
  });

  it('with callEndpoint: an unsaved policy of an app with no secret yet is refused, not sent unsigned', async () => {
    const bare = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
    const before = receiver.received.length;
    const res = await gw.call('POST', path(bare, '/dry-run'), {
      body: {
        event,
        callEndpoint: true,
        policy: { rules: [], decisionEndpoint: { url: receiver.url, timeoutMs: 300 }, onError: 'allow' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'callEndpoint' })]);
    expect(receiver.received.length).toBe(before);
  });

  it('with callEndpoint: garbage yields onError', async () => {
    receiver.setBehaviour(() => ({ body: '{"action":"maybe"}' }));
    const res = await gw.call('POST', path(app, '/dry-run'), { body: { event, callEndpoint: true } });
    expect(res.body).toMatchObject({
      decision: { action: 'deny' },
      source: 'fallback',
      error: 'invalid_answer',
    });
  });
});
