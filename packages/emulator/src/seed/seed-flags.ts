import { DEFAULT_SEED_SPEC, type SeedSpec } from './seed-spec.js';

/**
 * `--seed accounts=5000,groups=200,messages=50000`: the named fields of a `SeedSpec`, the rest from
 * `DEFAULT_SEED_SPEC`. `now` is epoch ms or an ISO date. Throws a message naming the bad part.
 */
export function parseSeedSpec(raw: string): SeedSpec {
  const spec: SeedSpec = { ...DEFAULT_SEED_SPEC };
  for (const part of raw.split(',').filter((p) => p.trim() !== '')) {
    const [key, value, extra] = part.split('=').map((s) => s.trim());
    if (key === undefined || value === undefined || extra !== undefined || !(key in spec))
      throw new Error(
        `--seed: expected name=value with a name of ${Object.keys(spec).join(', ')}; got "${part}"`,
      );
    const number = key === 'now' && !/^\d+$/.test(value) ? Date.parse(value) : Number(value);
    if (!Number.isSafeInteger(number) || number < 0)
      throw new Error(
        `--seed: ${key} must be a non-negative integer${key === 'now' ? ' or an ISO date' : ''}; got "${value}"`,
      );
    spec[key as keyof SeedSpec] = number;
  }
  return spec;
}
