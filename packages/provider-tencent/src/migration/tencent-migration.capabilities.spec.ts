import { describe, expect, it } from '@jest/globals';
import { DIRECTORY_KINDS, MIGRATION_KINDS } from '@im-gateway/types';
import { TENCENT_API_LIMITS, TENCENT_MIGRATION_API_LIMITS } from '../rest/tencent-api-limits.js';
import { TencentProvider } from '../tencent.provider.js';
import { TENCENT_MIGRATION_CAPABILITIES as M } from './tencent-migration.capabilities.js';

describe('Tencent migration capabilities', () => {
  it('declare every directory kind both ways, with a reason for each one unsupported', () => {
    for (const side of [M.directory.read, M.directory.import]) {
      expect(Object.keys(side).sort()).toEqual([...DIRECTORY_KINDS].sort());
      for (const support of Object.values(side))
        if (!support.supported) expect(support.reason).toMatch(/^Tencent .{20,}/);
    }
  });

  it('refuse only the accounts read, with the upload alternative', () => {
    const unsupported = Object.entries(M.directory.read).filter(([, s]) => !s.supported);
    expect(unsupported).toEqual([['accounts', expect.objectContaining({ alternative: 'upload' })]]);
    expect(Object.values(M.directory.import).every((s) => s.supported)).toBe(true);
  });

  it('give an import batch for every kind, at the documented maxima', () => {
    expect(Object.keys(M.importBatch).sort()).toEqual([...MIGRATION_KINDS].sort());
    expect(M.importBatch).toMatchObject({
      accounts: 100,
      members: 300,
      mutes: 500,
      history: 7,
      contacts: 1000,
    });
  });

  it('take only the four group-importable contents (and command) into group and chat room history', () => {
    expect(M.history.import.contents.group).toEqual(['text', 'face', 'location', 'custom', 'command']);
    expect(M.history.import.contents.chatroom).toEqual(M.history.import.contents.group);
    expect(M.history.import.precisionMs).toBe(1000);
  });

  it('put every migration API limit in the provider’s apiLimits, the group list at 1 call/s', () => {
    const names = new Set(new TencentProvider({} as never).apiLimits.map((l) => l.api));
    for (const limit of TENCENT_MIGRATION_API_LIMITS) expect(names).toContain(limit.api);
    expect(TENCENT_API_LIMITS).toContainEqual({
      api: 'group_open_http_svc/get_appid_group_list',
      unit: 'calls',
      points: 1,
      perSeconds: 1,
    });
  });
});
