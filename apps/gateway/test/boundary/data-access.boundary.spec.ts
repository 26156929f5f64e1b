import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * Data access lives in `@im-gateway/persistence`: the gateway's services call its repositories and hold no
 * SQL, no TypeORM query, and no cast of a row. Only `database/` wires the data source and the repositories
 * into Nest.
 */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const WIRING = /^database\//;

interface Rule {
  name: string;
  pattern: RegExp;
  /** Files where the construct is wiring, not data access. */
  allowedIn?: RegExp;
}

const RULES: Rule[] = [
  { name: 'a raw query (.query()', pattern: /\.query\s*(<[^>]*>)?\s*\(/ },
  { name: 'a query builder', pattern: /\bcreateQueryBuilder\b/ },
  { name: 'a TypeORM repository', pattern: /\bgetRepository\b|@InjectRepository\b|\bRepository</ },
  { name: 'an entity manager', pattern: /\.manager\b|\bEntityManager\b/ },
  {
    name: 'the typeorm package',
    pattern: /from\s+['"](typeorm|@nestjs\/typeorm)(\/[^'"]*)?['"]/,
    allowedIn: WIRING,
  },
  { name: 'the data source', pattern: /\bDataSource\b/, allowedIn: WIRING },
  { name: 'the Transactor', pattern: /\bTransactor\b/, allowedIn: WIRING },
  {
    name: 'SQL',
    pattern:
      /\bSELECT\b[\s\S]{0,300}?\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bRETURNING\b|\bON\s+CONFLICT\b/,
  },
  { name: 'an `as unknown as` cast', pattern: /\bas\s+unknown\s+as\b/ },
];

/**
 * Node's dns `lookup` has overloads that no single function satisfies; the pinned lookup of outbound calls
 * (webhook deliveries, decision endpoints) is cast to it. Not a row: the one cast left, by name.
 */
const CASTS_ALLOWED = new Set(['endpoints/guarded-lookup.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The code without its comments, so that a comment may say "one plain INSERT" or name a repository. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** What a file does that only the persistence package may do. */
export function violations(file: string, source: string): string[] {
  const text = code(source);
  return RULES.filter(
    (rule) =>
      rule.pattern.test(text) &&
      !rule.allowedIn?.test(file) &&
      !(rule.name.includes('unknown') && CASTS_ALLOWED.has(file)),
  ).map((rule) => `${file}: ${rule.name}`);
}

const files = sourceFiles(SRC).map((path) => ({
  file: relative(SRC, path).split('\\').join('/'),
  source: readFileSync(path, 'utf8'),
}));

describe('the gateway reaches the database only through persistence repositories', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no file of src/ holds SQL, builds a TypeORM query or casts a row', () => {
    expect(files.flatMap(({ file, source }) => violations(file, source))).toEqual([]);
  });

  it.each([
    ["this.transactor.query('SELECT 1')", 'a raw query (.query()'],
    ['const rows = await this.repo.createQueryBuilder("e").getMany();', 'a query builder'],
    ['@InjectRepository(AppEntity) private readonly apps: Repository<AppEntity>', 'a TypeORM repository'],
    ["import { MoreThan } from 'typeorm';", 'the typeorm package'],
    ['const sql = `UPDATE relays SET status = $1`;', 'SQL'],
    ["const s = 'SELECT id FROM bridges';", 'SQL'],
    ['const body = row.body as unknown as UnifiedEvent;', 'an `as unknown as` cast'],
  ])('catches %s', (line, rule) => {
    expect(violations('bridges/x.service.ts', line)).toEqual([`bridges/x.service.ts: ${rule}`]);
  });

  it('lets database/ wire the data source, and comments speak of SQL', () => {
    expect(violations('database/database.module.ts', "import { DataSource } from 'typeorm';")).toEqual([]);
    expect(violations('messages/x.ts', '// One plain INSERT INTO messages, measured')).toEqual([]);
  });
});
