import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSeedSpec } from '../seed/seed-flags.js';
import { generateTencentSeed } from './tencent-seed.generator.js';
import type { TencentSeed } from './tencent-seed.js';

/** A Tencent seed file names its users in `Accounts` (an Easemob seed has no such field). */
const isTencentSeed = (value: unknown): value is TencentSeed =>
  typeof value === 'object' && value !== null && Array.isArray((value as { Accounts?: unknown }).Accounts);

const summary = (s: TencentSeed) =>
  `${s.Accounts.length} accounts, ${s.Groups?.length ?? 0} groups and rooms, ` +
  `${(s.C2CMsgList?.length ?? 0) + (s.GroupMsgList?.length ?? 0)} messages`;

/**
 * The seed `--seed` / `--seed-file` ask for, or undefined (also for a seed file of another vendor). With both
 * flags a Tencent seed file wins.
 */
export function tencentSeedsFromFlags(
  spec: string | undefined,
  file: string | undefined,
  cwd: string,
): { seed: TencentSeed; summary: string } | undefined {
  if (file !== undefined) {
    const parsed = JSON.parse(readFileSync(resolve(cwd, file), 'utf8')) as unknown;
    if (isTencentSeed(parsed)) return { seed: parsed, summary: summary(parsed) };
  }
  if (spec === undefined) return undefined;
  // Generated history ends now, inside the window a running emulator can read.
  const seed = generateTencentSeed(parseSeedSpec(spec, Date.now()));
  return { seed, summary: summary(seed) };
}
