import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a secret from a file in the data folder, creating it with fresh random bytes the first time.
 * The embedded default must start with no setup at all, yet keep its master key and admin token across
 * restarts: losing the master key would make every stored credential unreadable.
 */
export function readOrCreateSecretFile(
  dataDir: string,
  fileName: string,
  make: () => string,
): { value: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, fileName);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false };
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { value, created: true };
}

export const newMasterKey = (): string => randomBytes(32).toString('hex');
export const newAdminToken = (): string => `imgw_admin_${randomBytes(24).toString('base64url')}`;

/** Decodes `GATEWAY_MASTER_KEY` (64 hex characters or base64 of 32 bytes). */
export function decodeMasterKey(value: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('GATEWAY_MASTER_KEY must decode to 32 bytes');
  return key;
}
