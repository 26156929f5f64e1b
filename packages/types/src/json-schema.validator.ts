import type { JsonSchema } from './unified-event.schema.js';

/*
 * The subset of JSON Schema 2020-12 that the unified-event schema uses: `$ref` to `#/$defs/…`, `type`,
 * `enum`, `const`, `required`, `properties`, `additionalProperties`, `items`, `oneOf`, `pattern`,
 * `minLength`. Written here because the repository has no JSON Schema validator among its declared
 * dependencies; consumers in other languages use a full validator on the same file.
 */

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  const target =
    name === undefined ? undefined : (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
  if (!target) throw new Error(`Unsupported or unknown $ref ${ref}`);
  return resolve(root, target);
}

function check(root: JsonSchema, raw: JsonSchema, value: unknown, at: string, out: string[]): void {
  const schema = resolve(root, raw);
  const where = at === '' ? '/' : at;
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type as string[] | undefined);
  if (Array.isArray(types) && !types.some((t) => hasType(value, t))) {
    out.push(`${where} must be ${types.join(' or ')}, is ${typeOf(value)}`);
    return;
  }
  if ('const' in schema && value !== schema.const)
    out.push(`${where} must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    out.push(`${where} ${JSON.stringify(value)} is not one of the allowed values`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      out.push(`${where} must have at least ${schema.minLength} characters`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      out.push(`${where} must match ${schema.pattern}`);
  }
  if (Array.isArray(value) && isObject(schema.items))
    value.forEach((item, i) => check(root, schema.items as JsonSchema, item, `${at}/${i}`, out));
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in value)) out.push(`${at}/${key} is required`);
    for (const [key, v] of Object.entries(value)) {
      const own = properties[key];
      if (own) check(root, own, v, `${at}/${key}`, out);
      else if (schema.additionalProperties === false) out.push(`${at}/${key} is not allowed`);
      else if (isObject(schema.additionalProperties))
        check(root, schema.additionalProperties as JsonSchema, v, `${at}/${key}`, out);
    }
  }
  if (Array.isArray(schema.oneOf)) checkOneOf(root, schema.oneOf as JsonSchema[], value, at, out);
}

/** `oneOf`; for branches told apart by a `type` constant, the errors of the branch the value names. */
function checkOneOf(
  root: JsonSchema,
  branches: JsonSchema[],
  value: unknown,
  at: string,
  out: string[],
): void {
  const results = branches.map((b) => {
    const problems: string[] = [];
    check(root, b, value, at, problems);
    return { branch: resolve(root, b), problems };
  });
  const passing = results.filter((r) => r.problems.length === 0).length;
  if (passing === 1) return;
  const tag = isObject(value) ? value.type : undefined;
  const named = results.find(
    (r) => ((r.branch.properties as Record<string, JsonSchema> | undefined)?.type?.const ?? {}) === tag,
  );
  if (passing === 0 && named) out.push(...named.problems);
  else out.push(`${at === '' ? '/' : at} must match exactly one schema of oneOf (matches ${passing})`);
}

/**
 * The problems of `value` against `schema` (the supported subset above), each naming the JSON Pointer of
 * the offending field; empty when valid. `definition` validates against `$defs[definition]` instead.
 */
export function jsonSchemaProblems(schema: JsonSchema, value: unknown, definition?: string): string[] {
  const out: string[] = [];
  check(schema, definition === undefined ? schema : { $ref: `#/$defs/${definition}` }, value, '', out);
  return out;
}
