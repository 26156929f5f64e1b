import { buildUnifiedEventSchema, type JsonSchema } from '@im-gateway/types';

/** `message.recall.requested` → `MessageRecallRequestedEvent`: a schema name a client generator keeps. */
export function eventSchemaName(type: string): string {
  return `${type
    .split(/[._-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Event`;
}

/** For the definitions the JSON Schema leaves undescribed. */
const REF_DESCRIPTIONS: Record<string, string> = {
  Conversation: 'Where it happened.',
  UnifiedMessage: 'The message the event is about.',
  ImageVariant: 'One size of the image the vendor stores.',
};

/**
 * The JSON Schema's `#/$defs/X` references, pointed at the OpenAPI document's components instead; a bare
 * reference gets its target's description beside it (3.1 allows it), so every property reads described.
 */
function retarget(schema: unknown, defs: Record<string, JsonSchema>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => retarget(s, defs));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/$defs/', '');
    const description = defs[name]?.description ?? REF_DESCRIPTIONS[name];
    const described = 'description' in schema || !description ? {} : { description };
    return { ...schema, $ref: ref.replace('#/$defs/', '#/components/schemas/'), ...described };
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, retarget(v, defs)]));
}

/**
 * The unified event model (from `packages/types`, the same JSON Schema `/v1/schema/events` serves) as
 * OpenAPI 3.1 components, plus the `webhooks` catalog: one entry and one schema per event type, each the
 * common envelope with `type` fixed, so a browser of the document lists what an endpoint can receive.
 */
export function webhookCatalog(): { schemas: Record<string, JsonSchema>; webhooks: Record<string, unknown> } {
  const root = buildUnifiedEventSchema() as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
    properties: { type: { enum: string[] } };
  };
  const { $schema: _s, $id: _i, $defs, ...event } = root;
  const defs = $defs ?? {};
  const schemas: Record<string, JsonSchema> = { UnifiedEvent: retarget(event, defs) as JsonSchema };
  for (const [name, def] of Object.entries(defs)) schemas[name] = retarget(def, defs) as JsonSchema;
  nameContentVariants(schemas);
  const webhooks: Record<string, unknown> = {};
  for (const type of root.properties.type.enum) {
    const name = eventSchemaName(type);
    schemas[name] = {
      description: `A \`${type}\` event as an endpoint receives it.`,
      allOf: [
        { $ref: '#/components/schemas/UnifiedEvent' },
        { type: 'object', properties: { type: { const: type, description: 'The event type.' } } },
      ],
    };
    webhooks[type] = {
      post: {
        operationId: `receive${name}`,
        summary: `\`${type}\` delivered to an endpoint`,
        description:
          'A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.',
        tags: ['webhooks'],
        security: [], // signed by the gateway, not called with a bearer token
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
        },
        responses: { '200': { description: 'Received.' } },
      },
    };
  }
  return { schemas, webhooks };
}

/**
 * `MessageContent`'s variants as named schemas (`TextContent`, `ImageContent`…) with a discriminator
 * mapping, so generators and linters can select them by `type`; plus `SendableContent`, the same union
 * without `unknown` (which only a vendor produces), for the send API.
 */
function nameContentVariants(schemas: Record<string, JsonSchema>): void {
  const content = schemas.MessageContent as { oneOf?: JsonSchema[]; description?: string };
  const variants = (content.oneOf ?? []).map((variant) => {
    const type = String((variant.properties as { type?: { const?: string } } | undefined)?.type?.const);
    const name = `${type.charAt(0).toUpperCase()}${type.slice(1)}Content`;
    schemas[name] = { ...variant, description: `A \`${type}\` message body.` };
    return { type, ref: `#/components/schemas/${name}` };
  });
  const union = (list: typeof variants, description: string): JsonSchema => ({
    description,
    oneOf: list.map((v) => ({ $ref: v.ref })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(list.map((v) => [v.type, v.ref])) },
  });
  schemas.MessageContent = union(variants, content.description ?? 'One message body, by `type`.');
  schemas.SendableContent = union(
    variants.filter((v) => v.type !== 'unknown'),
    'One message body to send, by `type` (a unified `MessageContent` other than `unknown`).',
  );
}
