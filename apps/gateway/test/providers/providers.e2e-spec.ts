import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as prettier from 'prettier';
import { EASEMOB_CAPABILITIES } from '@im-gateway/provider-easemob';
import {
  describeSendCase,
  renderCapabilityMatrix,
  replaceCapabilityMatrix,
  unsupportedSendCases,
} from '@im-gateway/provider-kit';
import { TENCENT_CAPABILITIES } from '@im-gateway/provider-tencent';
import { easemobApp } from '../messages/send-support.js';
import { startGateway, type RunningGateway } from '../support/gateway.js';

const MATRIX_DOC = new URL('../../../../docs/providers.md', import.meta.url);

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('GET /v1/providers', () => {
  it('lists every provider with its declared capabilities', async () => {
    const res = await gw.call('GET', '/v1/providers');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { name: 'easemob', displayName: 'Easemob', capabilities: EASEMOB_CAPABILITIES },
      { name: 'tencent', displayName: 'Tencent', capabilities: TENCENT_CAPABILITIES },
    ]);
  });

  it('needs a token', async () => {
    expect((await gw.call('GET', '/v1/providers', { token: null })).status).toBe(401);
  });

  it('agrees with the matrix in docs/providers.md (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const res = await gw.call('GET', '/v1/providers');
    const doc = readFileSync(MATRIX_DOC, 'utf8');
    // Formatted as `npm run lint` wants it, so that the check and the formatter never fight over the table.
    const expected = await prettier.format(
      replaceCapabilityMatrix(doc, renderCapabilityMatrix(res.body.data)),
      {
        ...(await prettier.resolveConfig(MATRIX_DOC)),
        filepath: MATRIX_DOC.pathname,
      },
    );
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(MATRIX_DOC, expected);
    expect(doc).toBe(expected);
  });
});

describe('a send needing a capability the vendor lacks', () => {
  const cases = [
    ['easemob', EASEMOB_CAPABILITIES],
    ['tencent', TENCENT_CAPABILITIES],
  ].flatMap(([provider, capabilities]) =>
    unsupportedSendCases(capabilities as typeof EASEMOB_CAPABILITIES, {}).map(
      (c) => [provider as string, describeSendCase(c), c] as const,
    ),
  );
  const apps = new Map<string, string>();
  beforeAll(async () => {
    // Unreachable vendor URLs: a request that got past the capability check would fail differently.
    const configs = {
      easemob: {
        orgName: 'o',
        appName: 'a',
        clientId: 'c',
        clientSecret: 's',
        callbackSecret: 'cb',
        baseUrl: 'http://127.0.0.1:1',
      },
      tencent: {
        sdkAppId: 1400000001,
        secretKey: 'k',
        adminIdentifier: 'administrator',
        callbackToken: 't',
        baseUrl: 'http://127.0.0.1:1',
      },
    };
    for (const [provider, config] of Object.entries(configs)) {
      const created = await gw.call('POST', '/v1/apps', { body: { name: provider, provider, config } });
      expect(created.status).toBe(201);
      apps.set(provider, created.body.id);
    }
  });

  it.each(cases)('%s: %s is refused with 422 naming it, before any vendor call', async (provider, _n, c) => {
    const res = await gw.call('POST', `/v1/apps/${apps.get(provider)}/messages`, { body: c.request });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'capability_unsupported',
      details: { capability: c.capability },
    });
  });
});

describe('a recall the vendor lacks', () => {
  it('easemob: a chat-room broadcast is refused with 422 recall, before any vendor call', async () => {
    const { emulator, appId } = await easemobApp(gw);
    try {
      const sent = await gw.call('POST', `/v1/apps/${appId}/messages`, {
        body: { from: 'admin', to: { type: 'chatroom', all: true }, content: { type: 'text', text: 'x' } },
      });
      expect(sent.status).toBe(201);
      const res = await gw.call('POST', `/v1/apps/${appId}/messages/${sent.body.id}/recall`);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'capability_unsupported',
        details: { capability: 'recall' },
      });
      expect(emulator.messages().some((m) => m.recalled)).toBe(false);
    } finally {
      await emulator.close();
    }
  });
});

describe('GATEWAY_PROVIDERS', () => {
  it('runs only the providers it names', async () => {
    const only = await startGateway({ env: { GATEWAY_PROVIDERS: 'tencent' } });
    try {
      const res = await only.call('GET', '/v1/providers');
      expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['tencent']);
      const created = await only.call('POST', '/v1/apps', {
        body: {
          name: 'e',
          provider: 'easemob',
          config: { orgName: 'o', appName: 'a', clientId: 'c', clientSecret: 's', callbackSecret: 'cb' },
        },
      });
      expect(created.status).toBe(400);
      expect(created.body.error.details).toEqual([
        { field: 'provider', message: 'unknown provider "easemob"' },
      ]);
    } finally {
      await only.close();
    }
  });

  it('refuses to start when it names a provider no imported module registers', async () => {
    await expect(startGateway({ env: { GATEWAY_PROVIDERS: 'easemob,acme' } })).rejects.toThrow(
      'Invalid configuration: GATEWAY_PROVIDERS names "acme", which no imported provider module registers; known: easemob, tencent',
    );
  });
});
