import { startTencentEmulator, type TencentEmulator, type TencentEmulatorOptions } from '../src/index.js';
import { post, TENCENT_APP, tencentQuery } from './helpers.js';

/** A fixed clock: 2026-12-06 00:00:00 UTC, the default seed spec's `now`. */
export const NOW = Date.UTC(2026, 11, 6, 0, 0, 0);
export const NOW_S = NOW / 1000;

export interface MigrationEmulator {
  emu: TencentEmulator;
  call(path: string, body: unknown): Promise<Record<string, any>>;
}

/** A registered-ids emulator on the fixed clock, without rate limits unless asked. */
export async function startMigrationEmulator(
  options: Partial<TencentEmulatorOptions> = {},
): Promise<MigrationEmulator> {
  const emu = await startTencentEmulator({
    apps: [TENCENT_APP],
    ids: 'registered',
    rateLimits: false,
    now: () => NOW,
    ...options,
  });
  const query = tencentQuery();
  return { emu, call: (path, body) => post(`${emu.url}/v4/${path}?${query}`, body).then((r) => r.json) };
}

export const textBody = (value: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: value } }];
