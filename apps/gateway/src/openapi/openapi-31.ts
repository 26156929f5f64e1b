/**
 * Nest's schema explorer still writes OpenAPI 3.0 keywords (`nullable: true`); OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, where a nullable value is `type: [T, 'null']` (or `anyOf` with a `null` type).
 */
export function toOpenApi31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toOpenApi31(v)]));
  if (nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return { ...out, type: [...out.type, 'null'] };
  const { description, ...schema } = out;
  return { ...(description ? { description } : {}), anyOf: [schema, { type: 'null' }] };
}
