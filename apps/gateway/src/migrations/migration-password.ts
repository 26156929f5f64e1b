import { randomBytes } from 'node:crypto';

/** How the passwords of imported accounts are chosen, for targets that require one (Easemob). */
export type PasswordSetting = { mode: 'random' } | { mode: 'fixed'; value: string };

export interface PasswordPolicy {
  for(userId: string): string;
}

/**
 * `random`: a fresh random password per account (the users sign in with the app's own tokens, never with
 * it); `fixed`: the caller's value for every account. The setting is stored sealed and never returned.
 */
export function passwordPolicy(setting: PasswordSetting): PasswordPolicy {
  if (setting.mode === 'fixed') return { for: () => setting.value };
  return { for: () => randomBytes(18).toString('base64url') };
}
