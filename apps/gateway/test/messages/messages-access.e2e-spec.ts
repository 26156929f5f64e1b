import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator } from '@im-gateway/emulator';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobApp } from './send-support.js';

let gw: RunningGateway;
let emulator: EasemobEmulator;
let appA: string;
let keyA: string;
let keyB: string;
let messageId: string;

const body = { from: 'a', to: { type: 'user', ids: ['b'] }, content: { type: 'text', text: 'x' } };

beforeAll(async () => {
  gw = await startGateway();
  ({ emulator, appId: appA } = await easemobApp(gw));
  const appB = (
    await gw.call('POST', '/v1/apps', {
      body: {
        name: 'b',
        provider: 'easemob',
        config: {
          orgName: 'o',
          appName: 'b',
          clientId: 'id',
          clientSecret: 'secret',
        },
      },
    })
  ).body.id as string;
  keyA = (await gw.call('POST', `/v1/apps/${appA}/api-keys`, { body: { name: 'a' } })).body.key;
  keyB = (await gw.call('POST', `/v1/apps/${appB}/api-keys`, { body: { name: 'b' } })).body.key;
  messageId = (await gw.call('POST', `/v1/apps/${appA}/messages`, { body, token: keyA })).body.id;
});
afterAll(async () => {
  await emulator.close();
  await gw.close();
});

describe('messages routes: tenant scoping', () => {
  it('lets the app’s own key send', async () => {
    expect(messageId).toEqual(expect.any(String));
    expect((await gw.call('GET', `/v1/apps/${appA}/messages/${messageId}`, { token: keyA })).status).toBe(
      200,
    );
  });

  it.each([
    ['POST', 'messages', () => `/v1/apps/${appA}/messages`],
    ['GET', 'messages/{id}', () => `/v1/apps/${appA}/messages/${messageId}`],
    ['POST', 'messages/{id}/recall', () => `/v1/apps/${appA}/messages/${messageId}/recall`],
  ])('refuses another app’s key on %s %s with 403', async (method, _route, path) => {
    const res = await gw.call(method, path(), { token: keyB, ...(method === 'POST' ? { body } : {}) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses a call without a token with 401', async () => {
    expect((await gw.call('POST', `/v1/apps/${appA}/messages`, { token: null, body })).status).toBe(401);
  });

  it('answers 404 for an unknown app', async () => {
    const res = await gw.call('POST', '/v1/apps/00000000-0000-7000-8000-000000000000/messages', { body });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('messages routes: invalid bodies are 400 with field-level details', () => {
  it.each([
    ['a missing from', { ...body, from: undefined }, 'from'],
    ['an unknown target type', { ...body, to: { type: 'channel', ids: ['x'] } }, 'to.type'],
    ['an empty id list', { ...body, to: { type: 'user', ids: [] } }, 'to.ids'],
    ['neither ids nor all', { ...body, to: { type: 'user' } }, 'to'],
    ['all for users', { ...body, to: { type: 'user', all: true } }, 'to'],
    ['an unknown content type', { ...body, content: { type: 'sticker' } }, 'content.type'],
    ['text without text', { ...body, content: { type: 'text' } }, 'content.text'],
    [
      'a field of another type',
      { ...body, content: { type: 'text', text: 'x', url: 'https://x.test/a' } },
      'content.url',
    ],
    ['a non-http url', { ...body, content: { type: 'file', url: 'file:///etc/passwd' } }, 'content.url'],
    [
      'a location without latitude',
      { ...body, content: { type: 'location', longitude: 1 } },
      'content.latitude',
    ],
    ['an unknown priority', { ...body, options: { priority: 'urgent' } }, 'options.priority'],
    ['an unknown field', { ...body, bcc: ['x'] }, 'bcc'],
    ['ext that is not an object', { ...body, ext: 'x' }, 'ext'],
  ])('refuses %s', async (_label, payload, field) => {
    const res = await gw.call('POST', `/v1/apps/${appA}/messages`, { body: payload });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('messages routes: OpenAPI', () => {
  it('documents the three routes, every property described', async () => {
    const doc = (await gw.call('GET', '/docs-json', { token: null })).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/apps/{appId}/messages',
        '/v1/apps/{appId}/messages/{messageId}',
        '/v1/apps/{appId}/messages/{messageId}/recall',
      ]),
    );
    const schemas = doc.components.schemas as Record<
      string,
      { properties?: Record<string, { description?: string }> }
    >;
    const names = [
      'MessageSendDto',
      'SendTargetDto',
      'SendOptionsDto',
      'SendableContent', // the send DTO's content, documented as the unified union (openapi.ts)
      'ImageVariant',
      'MessageResponseDto',
      'RecipientResultDto',
      'RecipientErrorDto',
    ];
    for (const name of names) {
      expect(schemas[name]).toBeDefined();
      const undescribed = Object.entries(schemas[name]?.properties ?? {}).filter(([, p]) => !p.description);
      expect(undescribed.map(([k]) => `${name}.${k}`)).toEqual([]);
    }
  });
});
