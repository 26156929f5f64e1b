import { DEFAULT_SEED_SPEC, type SeedSpec } from './seed-spec.js';

/**
 * `accounts=5000,groups=200,messages=50000` → a full spec, the rest from `DEFAULT_SEED_SPEC` and `now`
 * (the CLI passes the real clock, so generated history lies in the readable window of a running emulator).
 */
export function parseSeedSpec(text: string, now: number): SeedSpec {
  const spec: SeedSpec = { ...DEFAULT_SEED_SPEC, now };
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [key = '', raw = ''] = part.split('=').map((s) => s.trim());
    if (!(key in spec))
      throw new Error(`--seed: unknown key "${key}" (known: ${Object.keys(spec).join(', ')})`);
    if (!/^\d+$/.test(raw)) throw new Error(`--seed: ${key} must be a whole number, got "${raw}"`);
    spec[key as keyof SeedSpec] = Number(raw);
  }
  return spec;
}
