#!/usr/bin/env node
// Creates packages/provider-<name> from scripts/provider-template/: the layout both provider packages share
// (docs/adding-a-provider.md), a sample fixture with its golden events, and a conformance test that fails,
// saying what to implement next, until the vendor's verifier and normalizer exist.
//
//   npm run new-provider -- <name> [--root <repository root>]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 ? args[rootAt + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'));
const name = args.find((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));

if (!name || !/^[a-z][a-z0-9]{1,30}$/.test(name)) {
  console.error('usage: npm run new-provider -- <name>   (lower-case letters and digits, e.g. "rongcloud")');
  process.exit(2);
}
const Name = name[0].toUpperCase() + name.slice(1);
const NAME = name.toUpperCase();
const dir = join(root, 'packages', `provider-${name}`);
if (existsSync(dir)) {
  console.error(`${dir} already exists`);
  process.exit(1);
}

// The package is made from the template files in scripts/provider-template/: each file's path and text with
// __name__, __Name__ and __NAME__ replaced (acme, Acme, ACME) and `.tmpl` dropped. The suffix keeps the
// templates out of the type check, lint and tests of the repository; the scaffold's spec checks what they
// generate instead.
const templates = join(dirname(fileURLToPath(import.meta.url)), 'provider-template');
const fill = (text) =>
  text.replaceAll('__name__', name).replaceAll('__Name__', Name).replaceAll('__NAME__', NAME);
const templateFiles = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templateFiles(join(folder, entry.name))
      : entry.name.endsWith('.tmpl')
        ? [join(folder, entry.name)]
        : [],
  );
const files = Object.fromEntries(
  templateFiles(templates).map((file) => [
    fill(relative(templates, file).slice(0, -'.tmpl'.length)),
    fill(readFileSync(file, 'utf8')),
  ]),
);

// Formatted as the repository's lint wants it, so the package passes \`npm run lint\` as generated.
const prettier = await import('prettier');
for (const [path, text] of Object.entries(files)) {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  const options = { ...(await prettier.resolveConfig(join(root, 'package.json'))), filepath: file };
  writeFileSync(file, await prettier.format(text, options));
}
// Registration: the gateway imports the module, and GATEWAY_PROVIDERS decides whether it runs, so the
// new provider stays off until configured.
const modulePath = join(root, 'apps/gateway/src/providers/providers.module.ts');
const gatewayManifest = join(root, 'apps/gateway/package.json');
let registered = false;
if (existsSync(modulePath) && existsSync(gatewayManifest)) {
  const source = readFileSync(modulePath, 'utf8');
  const imports = /imports: \[([^\]]*)\]/.exec(source);
  const lastImport = [...source.matchAll(/^import .* from '@im-gateway\/provider-[^']+';$/gm)].at(-1);
  if (imports && lastImport) {
    const line = `import { ${Name}Module } from '@im-gateway/provider-${name}';`;
    const at = (lastImport.index ?? 0) + lastImport[0].length;
    const withImport = `${source.slice(0, at)}\n${line}${source.slice(at)}`;
    writeFileSync(
      modulePath,
      withImport.replace(/imports: \[([^\]]*)\]/, (_m, list) => `imports: [${list.trim()}, ${Name}Module]`),
    );
    const manifest = JSON.parse(readFileSync(gatewayManifest, 'utf8'));
    manifest.dependencies[`@im-gateway/provider-${name}`] = '*';
    manifest.dependencies = Object.fromEntries(
      Object.entries(manifest.dependencies).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(gatewayManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    registered = true;
  }
}

console.log(`Created packages/provider-${name}. Next:
  npm install                                  link the new workspace
  npm run build -w @im-gateway/provider-${name}
  npm test -w @im-gateway/provider-${name}     the conformance suite says what to implement next
${
  registered
    ? `The gateway imports ${Name}Module; it runs once GATEWAY_PROVIDERS names it (e.g. easemob,tencent,${name}).`
    : `Then import ${Name}Module in apps/gateway/src/providers/providers.module.ts (docs/adding-a-provider.md).`
}`);
