/**
 * Nest's schema explorer still writes OpenAPI 3.0 keywords (`nullable: true`); OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, where a nullable value is `type: [T, 'null']` (or `anyOf` with a `null` type).
 * It also wraps a described reference as `allOf: [{ $ref }]` (3.0 ignored siblings of `$ref`); 3.1 keeps
 * them, and a generator reads a one-item `allOf` as inheritance (dropping a discriminated union's `type`).
 */
export function toOpenApi31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = unwrapAllOf(node as Record<string, unknown>);
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toOpenApi31(v)]));
  if (nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return { ...out, type: [...out.type, 'null'] };
  const { description, ...schema } = out;
  return { ...(description ? { description } : {}), anyOf: [schema, { type: 'null' }] };
}

function unwrapAllOf(node: Record<string, unknown>): Record<string, unknown> {
  const { allOf, ...rest } = node;
  if (!Array.isArray(allOf) || allOf.length !== 1) return node;
  const only = allOf[0] as Record<string, unknown>;
  if (typeof only.$ref !== 'string' || Object.keys(only).length !== 1) return node;
  return { ...rest, $ref: only.$ref };
}
