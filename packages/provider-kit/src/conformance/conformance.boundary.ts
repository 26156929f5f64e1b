import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConformanceError, type ConformanceCheck } from './conformance.types.js';

/** Framework, ORM, HTTP client and validator packages: never in the pure callback code (house style). */
const FORBIDDEN = ['@nestjs', 'typeorm', 'axios', 'class-validator', 'class-transformer', 'fastify'];
/** What callback code may import: node, the unified types, signing, the kit's callback helpers, itself. */
const ALLOWED = [
  /^node:/,
  /^@im-gateway\/types$/,
  /^@im-gateway\/signing$/,
  /^@im-gateway\/provider-kit\/callback$/,
  /^\.\//,
];
const IMPORT =
  /(?:^|\n)\s*(import|export)(\s+type)?\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** The `.ts` sources below `dir` (specs left out), as paths. */
export function boundarySources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return boundarySources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * What makes one source under a provider's `callback/` impure, one line per import: a framework, ORM or
 * HTTP client, any package but the allowed ones, or a value import from outside `callback/` (the config
 * class carries class-validator decorators, so callback code may name its type, never load it). Empty when
 * the file keeps to the boundary.
 */
export function boundaryProblems(file: string, callbackDir: string): string[] {
  const name = relative(callbackDir, file);
  const problems: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const typeOnly = m[1] === 'import' && m[2] !== undefined;
    const spec = m[3] ?? m[4] ?? m[5] ?? m[6] ?? '';
    if (FORBIDDEN.some((f) => spec === f || spec.startsWith(`${f}/`)))
      problems.push(`${name} imports ${spec}, a framework package`);
    else if (spec.startsWith('../')) {
      const outside = relative(callbackDir, join(file, '..', spec)).startsWith('..');
      if (outside && !typeOnly)
        problems.push(`${name} imports ${spec} from outside callback/ (only \`import type\` may)`);
    } else if (!ALLOWED.some((re) => re.test(spec))) problems.push(`${name} imports ${spec}`);
  }
  return problems;
}

/**
 * The boundary as checks for a test runner, like the conformance suite's: one per source file under
 * `callbackDir` (`boundary: <file>`), after one that there are sources at all.
 */
export function boundaryChecks(callbackDir: string): ConformanceCheck[] {
  const files = boundarySources(callbackDir);
  return [
    {
      name: 'boundary: has callback sources',
      run: () => {
        if (files.length === 0) throw new ConformanceError(`boundary: no sources in ${callbackDir}`);
      },
    },
    ...files.map((file) => ({
      name: `boundary: ${relative(callbackDir, file)}`,
      run: () => {
        const problems = boundaryProblems(file, callbackDir);
        if (problems.length > 0) throw new ConformanceError(`boundary: ${problems.join('; ')}`);
      },
    })),
  ];
}
