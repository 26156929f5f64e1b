import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildUnifiedEventSchema } from '@im-gateway/types';
import openapiTS, { astToString } from 'openapi-typescript';
import { operationIdProblems } from '../../src/openapi/operation-ids.js';
import { startGateway, type RunningGateway } from '../support/gateway.js';

// The typed client is generated from the served document; both are committed so a reader (and a
// diff) sees the API change. UPDATE_CLIENT=1 rewrites them; otherwise a stale copy fails here.
const CLIENT = new URL('../../../../packages/client/', import.meta.url);
const DOCUMENT = new URL('openapi.json', CLIENT);
const SCHEMA = new URL('src/schema.ts', CLIENT);
const HEADER =
  '// Generated from openapi.json by openapi-typescript: UPDATE_CLIENT=1 and the client freshness spec.\n';

let gw: RunningGateway;
let doc: { paths: Record<string, Record<string, { operationId?: string }>> };

beforeAll(async () => {
  gw = await startGateway();
  doc = (await gw.call('GET', '/docs-json', { token: null })).body;
});
afterAll(async () => {
  await gw.close();
});

const update = process.env.UPDATE_CLIENT === '1';

describe('packages/client', () => {
  it('gives every operation a readable, unique operationId', () => {
    expect(operationIdProblems(doc.paths)).toEqual([]);
  });

  it('describes every event type as a webhook with a schema of its own, and contents as a union on type', () => {
    const full = doc as unknown as {
      webhooks: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }
      >;
      components: { schemas: Record<string, { discriminator?: { propertyName: string; mapping: object } }> };
    };
    const types = buildUnifiedEventSchema() as { properties: { type: { enum: string[] } } };
    expect(Object.keys(full.webhooks).sort()).toEqual([...types.properties.type.enum].sort());
    const refs = Object.values(full.webhooks).map(
      (w) => w.post.requestBody.content['application/json']?.schema.$ref,
    );
    expect(new Set(refs).size).toBe(types.properties.type.enum.length);
    expect(full.webhooks['message.sent']?.post.requestBody.content['application/json']?.schema.$ref).toBe(
      '#/components/schemas/MessageSentEvent',
    );
    for (const union of ['MessageContent', 'SendableContent'])
      expect(full.components.schemas[union]?.discriminator?.propertyName).toBe('type');
    expect(Object.keys(full.components.schemas.SendableContent?.discriminator?.mapping ?? {})).not.toContain(
      'unknown',
    );
  });

  it('declares the one error body on authenticated operations', () => {
    const op = (doc.paths['/v1/apps/{appId}'] as Record<string, { responses?: Record<string, unknown> }>).get;
    expect(op?.responses?.['404']).toEqual({
      description: expect.any(String),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    });
  });

  it('holds the document the gateway serves', () => {
    const served = `${JSON.stringify(doc, null, 2)}\n`;
    if (update) writeFileSync(DOCUMENT, served);
    expect(readFileSync(DOCUMENT, 'utf8')).toBe(served); // stale: UPDATE_CLIENT=1 rewrites it
  });

  it('holds the types openapi-typescript generates from it', async () => {
    const generated = HEADER + astToString(await openapiTS(structuredClone(doc) as never));
    if (update) writeFileSync(SCHEMA, generated);
    expect(readFileSync(SCHEMA, 'utf8')).toBe(generated); // stale: UPDATE_CLIENT=1 rewrites it
  });
});
