import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const ROOT_FILES = [
  'package.json',
  'tsconfig.base.json',
  'eslint.config.mjs',
  'jest.preset.js',
  '.prettierrc.json',
  '.prettierignore',
];

const GATEWAY_FILES = ['apps/gateway/package.json', 'apps/gateway/src/providers/providers.module.ts'];

/** The package's files, relative to it, without build output. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith('dist/') && !f.startsWith('node_modules/'));

let copy: string;
let pkg: string;
const bin = (path: string) => join(copy, 'node_modules', path);
const run = (args: string[], cwd = copy, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });

// A temporary copy of the repository's root configuration and scripts; node_modules is linked, not copied,
// and the new package is not linked into it, so nothing outside the copy changes.
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'new-provider-'));
  for (const f of ROOT_FILES) copyFileSync(join(REPO, f), join(copy, f));
  cpSync(join(REPO, 'scripts'), join(copy, 'scripts'), { recursive: true });
  mkdirSync(join(copy, 'packages'));
  for (const f of GATEWAY_FILES) {
    mkdirSync(join(copy, f, '..'), { recursive: true });
    copyFileSync(join(REPO, f), join(copy, f));
  }
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/new-provider.mjs', 'acme', '--root', copy], { cwd: copy });
  pkg = join(copy, 'packages', 'provider-acme');
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run new-provider', () => {
  it('refuses a name that is not lower-case letters and digits, and an existing package', () => {
    expect(run(['scripts/new-provider.mjs', 'Acme!', '--root', copy]).status).toBe(2);
    expect(run(['scripts/new-provider.mjs', 'acme', '--root', copy]).status).toBe(1);
  });

  it('creates the standard layout with a sample fixture and its golden events', () => {
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('@im-gateway/provider-acme');
    expect(Object.keys(manifest.exports)).toEqual(['.', './callback', './fixtures/*', './package.json']);
    for (const f of [
      'README.md',
      'fixtures/callbacks/sample-message.json',
      'fixtures/golden/sample-message.events.json',
      'src/index.ts',
      'src/acme.module.ts',
      'src/acme.provider.ts',
      'src/acme.capabilities.ts',
      'src/acme.config.ts',
      'src/callback/index.ts',
      'src/callback/acme-callback.verifier.ts',
      'src/callback/acme-callback.normalizer.ts',
      'src/callback/acme-callback.reply.ts',
      'src/callback/boundary.spec.ts',
      'src/rest/acme-api-limits.ts',
      'src/rest/acme-messages.ts',
      'test/acme-fixtures.ts',
      'test/conformance.spec.ts',
    ])
      expect(readFileSync(join(pkg, f), 'utf8').length).toBeGreaterThan(0);
  });

  it('has the shape both provider packages share: each generated file has its counterpart in each', () => {
    const generated = sources(pkg).filter((f) => !f.startsWith('fixtures/'));
    expect(generated.length).toBeGreaterThan(15);
    for (const vendor of ['easemob', 'tencent']) {
      const missing = generated
        .map((f) => f.replaceAll('acme', vendor))
        .filter((f) => !existsSync(join(REPO, 'packages', `provider-${vendor}`, f)));
      expect({ vendor, missing }).toEqual({ vendor, missing: [] });
    }
  });

  it('leaves no template placeholder in what it generates', () => {
    for (const f of sources(pkg))
      expect(readFileSync(join(pkg, f), 'utf8')).not.toMatch(/__(name|Name|NAME)__/);
  });

  it('registers the module in the gateway, where GATEWAY_PROVIDERS decides whether it runs', () => {
    const module = readFileSync(join(copy, 'apps/gateway/src/providers/providers.module.ts'), 'utf8');
    expect(module).toContain("import { AcmeModule } from '@im-gateway/provider-acme';");
    expect(module).toMatch(/imports: \[EasemobModule, TencentModule, AcmeModule\]/);
    const manifest = JSON.parse(readFileSync(join(copy, 'apps/gateway/package.json'), 'utf8'));
    expect(manifest.dependencies['@im-gateway/provider-acme']).toBe('*');
    const lint = run([bin('prettier/bin/prettier.cjs'), '--check', ...GATEWAY_FILES]);
    expect(lint.stdout + lint.stderr).toContain('All matched files use Prettier code style!');
  });

  it('compiles (typecheck and build)', () => {
    const tsc = bin('typescript/bin/tsc');
    const check = run([tsc, '-p', 'tsconfig.json', '--noEmit'], pkg);
    expect(check.stdout + check.stderr).toBe('');
    const build = run([tsc, '-p', 'tsconfig.build.json'], pkg);
    expect(build.stdout + build.stderr).toBe('');
  });

  it('passes lint and formatting', () => {
    const lint = run([bin('eslint/bin/eslint.js'), 'packages/provider-acme', '--max-warnings', '0']);
    expect(lint.stdout + lint.stderr).toBe('');
    expect(run([bin('prettier/bin/prettier.cjs'), '--check', 'packages/provider-acme']).status).toBe(0);
  });

  it('has a conformance test that fails only on the golden and forgery checks, saying what to implement', () => {
    const out = join(copy, 'jest.json');
    run([bin('jest/bin/jest.js'), '--json', '--outputFile', out], pkg, {
      NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
    });
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    const results = report.testResults.flatMap((r) => r.assertionResults);
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.title)).toEqual([
      'golden: sample-message',
      'rejects forgeries: sample-message',
    ]);
    expect(failed.map((r) => /Next step: (.*)\./.exec(r.failureMessages.join('\n'))?.[1])).toEqual([
      expect.stringContaining('src/callback/acme-callback.normalizer.ts'),
      expect.stringContaining('src/callback/acme-callback.verifier.ts'),
    ]);
    expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThanOrEqual(4);
  });
});
