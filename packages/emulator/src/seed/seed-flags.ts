import { DEFAULT_SEED_SPEC, type SeedSpec } from './seed-spec.js';

/**
 * `--seed accounts=5000,groups=200,messages=50000`: the named fields of a `SeedSpec`, the rest from
 * `DEFAULT_SEED_SPEC` with `now` (the CLI passes the real clock, so generated history lies in the readable
 * window of a running emulator). `now=` takes epoch ms or an ISO date. Throws a message naming the bad part.
 */
export function parseSeedSpec(raw: string, now: number = DEFAULT_SEED_SPEC.now): SeedSpec {
  const spec: SeedSpec = { ...DEFAULT_SEED_SPEC, now };
  for (const part of raw.split(',').filter((p) => p.trim() !== '')) {
    const [key, value, extra] = part.split('=').map((s) => s.trim());
    if (key === undefined || value === undefined || extra !== undefined)
      throw new Error(`--seed: expected name=value; got "${part}"`);
    if (!(key in spec))
      throw new Error(`--seed: unknown key "${key}" (known: ${Object.keys(spec).join(', ')})`);
    const number = key === 'now' && !/^\d+$/.test(value) ? Date.parse(value) : Number(value);
    if (!/^\d+$/.test(value) && key !== 'now')
      throw new Error(`--seed: ${key} must be a whole number; got "${value}"`);
    if (!Number.isSafeInteger(number) || number < 0)
      throw new Error(
        `--seed: ${key} must be a whole number${key === 'now' ? ' or an ISO date' : ''}; got "${value}"`,
      );
    spec[key as keyof SeedSpec] = number;
  }
  return spec;
}
