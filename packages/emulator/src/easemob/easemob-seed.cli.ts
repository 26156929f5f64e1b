import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSeedSpec } from '../seed/seed-flags.js';
import { generateEasemobSeed } from './easemob-seed.generator.js';
import type { EasemobSeed } from './easemob-seed.js';

/** An Easemob seed file names its users in `users` (a Tencent seed has `Accounts` instead). */
const isEasemobSeed = (value: unknown): value is EasemobSeed =>
  typeof value === 'object' && value !== null && Array.isArray((value as { users?: unknown }).users);

/**
 * The seed `--seed` / `--seed-file` ask for, or undefined (also for a seed file of another vendor). A
 * generated seed's history ends now, inside the window a running emulator can read.
 */
export function easemobSeedFromFlags(
  spec: string | undefined,
  file: string | undefined,
  cwd: string,
): EasemobSeed | undefined {
  if (file !== undefined) {
    const parsed = JSON.parse(readFileSync(resolve(cwd, file), 'utf8')) as unknown;
    if (isEasemobSeed(parsed)) return parsed;
  }
  return spec === undefined ? undefined : generateEasemobSeed(parseSeedSpec(spec, Date.now()));
}
