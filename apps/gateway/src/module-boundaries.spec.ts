import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// Module imports point one way (docs/architecture.md): `config` and `common` serve the bounded contexts and
// know none of them, and a context that needs one piece of another imports that piece, not its whole module.
const root = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Each source file (relative to src, `/`-separated) with the src files it imports. */
const graph = sources(root).map((file) => ({
  file: relative(root, file).split(sep).join('/'),
  imports: [...readFileSync(file, 'utf8').matchAll(specifier)].map((m) =>
    relative(root, resolve(dirname(file), m[1]!))
      .split(sep)
      .join('/')
      .replace(/\.js$/, '.ts'),
  ),
}));

/** The files of `folder` that import something outside the allowed folders. */
function outsideImports(folder: string, allowed: string[]): string[] {
  return graph
    .filter(({ file }) => file.startsWith(`${folder}/`))
    .flatMap(({ file, imports }) =>
      imports.filter((i) => !allowed.some((a) => i.startsWith(`${a}/`))).map((i) => `${file} → ${i}`),
    );
}

describe('gateway module boundaries', () => {
  it('reads the sources and their imports', () => {
    const ingest = graph.find((f) => f.file === 'callbacks/callback-ingest.service.ts');
    expect(ingest?.imports).toContain('bridges/relay/echo-marker.ts');
  });

  it('config imports nothing of the gateway but config', () => {
    expect(outsideImports('config', ['config'])).toEqual([]);
  });

  it('common imports no feature module (only common and config)', () => {
    expect(outsideImports('common', ['common', 'config'])).toEqual([]);
  });

  it('endpoints does not import the bridges module whole', () => {
    const whole = graph
      .filter(({ file }) => file.startsWith('endpoints/'))
      .flatMap(({ file, imports }) =>
        imports.filter((i) => i === 'bridges/bridges.module.ts').map(() => file),
      );
    expect(whole).toEqual([]);
  });

  // Callbacks and reconciliation are the two ways events come in; both plan relays the same way.
  it('no feature module imports the bridges module but the app and the two ingest paths', () => {
    const importers = graph
      .filter(({ imports }) => imports.includes('bridges/bridges.module.ts'))
      .map(({ file }) => file)
      .sort();
    expect(importers).toEqual([
      'app.module.ts',
      'callbacks/callbacks.module.ts',
      'reconciliation/reconciliation.module.ts',
    ]);
  });

  it('only the app imports the migrations module, and migrations takes single pieces of bridges', () => {
    const importers = graph
      .filter(({ imports }) => imports.includes('migrations/migrations.module.ts'))
      .map(({ file }) => file);
    expect(importers).toEqual(['app.module.ts']);
    const fromBridges = graph
      .filter(({ file }) => file.startsWith('migrations/'))
      .flatMap(({ imports }) => imports.filter((i) => i.startsWith('bridges/')));
    expect(fromBridges).not.toContain('bridges/bridges.module.ts');
    // Imported history is shaped for the target as the live relay shapes a message (relay-content.ts).
    expect(new Set(fromBridges)).toEqual(
      new Set([
        'bridges/mappings/id-mapper.ts',
        'bridges/relay/relayed-pair.ts',
        'bridges/relay/relay-content.ts',
      ]),
    );
  });

  it('bridges knows migration jobs only through the relay gate, which reads the shared tables', () => {
    const intoMigrations = graph
      .filter(({ file }) => file.startsWith('bridges/'))
      .flatMap(({ file, imports }) => imports.filter((i) => i.startsWith('migrations/')).map(() => file));
    expect(intoMigrations).toEqual([]);
  });

  it('the before-rules engine is pure: no framework, no database, nothing of the gateway outside it', () => {
    const pure = [
      'before-policy/before-rules.engine.ts',
      'before-policy/before-rules.patterns.ts',
      'before-policy/before-policy.validator.ts',
      'before-policy/before-policy.cache.ts',
      'before-policy/before-policy.dry-run-event.ts',
      'before-policy/before-policy.types.ts',
    ];
    const packages = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'".][^'"]*)['"]/g;
    const found = pure.flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      const outside = graph
        .find((f) => f.file === file)!
        .imports.filter((i) => !i.startsWith('before-policy/'));
      const frameworks = [...source.matchAll(packages)]
        .map((m) => m[1]!)
        .filter((p) => /^(@nestjs\/|typeorm|@im-gateway\/persistence|axios)/.test(p));
      return [...outside, ...frameworks].map((i) => `${file} → ${i}`);
    });
    expect(found).toEqual([]);
  });
});
