/**
 * Readable operationIds for a generated client (`createApp`, `listEvents`), derived from the controller
 * and method names so a new controller gets good ids without a hand-kept list: the conventional CRUD
 * method names map to `<verb><Resource>`; any other method must name its id in `@ApiOperation`, and
 * `operationIdProblems` (run by the OpenAPI spec) fails on an id that still reads like `Controller_method`.
 */
const CRUD: Record<string, (singular: string, plural: string) => string> = {
  create: (s) => `create${s}`,
  list: (_s, p) => `list${p}`,
  get: (s) => `get${s}`,
  update: (s) => `update${s}`,
  remove: (s) => `delete${s}`,
};

export function singularOf(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (plural.endsWith('s')) return plural.slice(0, -1);
  return plural;
}

/** Nest's `operationIdFactory`: `AppsController.create` → `createApp`; otherwise `Apps_rotate` (a lint failure). */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const plural = controllerKey.replace(/Controller$/, '');
  const crud = CRUD[methodKey];
  return crud ? crud(singularOf(plural), plural) : `${plural}_${methodKey}`;
}

/** A verb in lower camel case followed by a capitalised noun: `listEvents`, `retryDelivery`. */
const READABLE = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

/** What is wrong with the document's operationIds: missing, unreadable or repeated ones. */
export function operationIdProblems(
  paths: Record<string, Record<string, { operationId?: string }>>,
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [path, ops] of Object.entries(paths))
    for (const [method, op] of Object.entries(ops)) {
      const where = `${method.toUpperCase()} ${path}`;
      const id = op.operationId;
      if (!id) problems.push(`${where}: no operationId`);
      else if (!READABLE.test(id))
        problems.push(
          `${where}: operationId "${id}" does not read as verbNoun; set @ApiOperation({ operationId })`,
        );
      else if (seen.has(id)) problems.push(`${where}: operationId "${id}" repeats ${seen.get(id)}`);
      if (id) seen.set(id, where);
    }
  return problems;
}
