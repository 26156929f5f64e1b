import type { IdRule, MigrationCapabilities, MigrationSupport } from '@im-gateway/types';

/** Declared capabilities for the planner specs: a Tencent-like source and an Easemob-like target. */
const ok: MigrationSupport = { supported: true };
const all = {
  accounts: ok,
  profiles: ok,
  groups: ok,
  members: ok,
  mutes: ok,
  chatrooms: ok,
  contacts: ok,
  blocklists: ok,
};
const batch = {
  accounts: 60,
  profiles: 1,
  groups: 1,
  members: 60,
  mutes: 60,
  chatrooms: 1,
  history: 1,
  contacts: 10,
  blocklists: 50,
};

export const LOWER: IdRule = {
  maxBytes: 64,
  pattern: '^[a-z0-9_.-]+$',
  description: 'a-z, 0-9, _ - . (lower case)',
};
export const SHORT: IdRule = { maxBytes: 32, description: 'at most 32 bytes' };

export const TENCENT_LIKE: MigrationCapabilities = {
  directory: {
    read: {
      ...all,
      accounts: { supported: false, reason: 'no API lists all accounts', alternative: 'upload' },
    },
    import: all,
  },
  history: {
    read: { conversations: ['direct', 'group'], windowDays: 7, delayHours: 1 },
    import: {
      contents: { direct: ['text', 'image'], group: ['text', 'location'] },
      precisionMs: 1000,
      backdatesGroups: true,
    },
  },
  importBatch: { ...batch, accounts: 100, members: 300, history: 7 },
};

export const EASEMOB_LIKE: MigrationCapabilities = {
  directory: {
    read: all,
    import: { ...all, chatrooms: { supported: false, reason: 'rooms are transient' } },
  },
  history: {
    read: { conversations: [], windowDays: 3, delayHours: 24 },
    import: {
      contents: { direct: ['text', 'image'], group: ['text', 'image'] },
      precisionMs: 1,
      backdatesGroups: false,
    },
  },
  importBatch: batch,
};
