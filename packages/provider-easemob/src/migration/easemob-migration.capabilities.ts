import type { MigrationCapabilities } from '@im-gateway/types';
import { EASEMOB_IMPORT_BATCH } from './easemob-migration.apis.js';

const EVERY_TYPE = ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'custom'] as const;

/** What a migration can read from and import into Easemob (migration facts §2, §3, §5). */
export const EASEMOB_MIGRATION_CAPABILITIES: MigrationCapabilities = {
  directory: {
    read: {
      accounts: { supported: true, note: 'In creation order; Easemob returns no passwords.' },
      profiles: {
        supported: true,
        note: 'The attribute keys the clients use; other keys are not listed by name.',
      },
      groups: { supported: true },
      members: { supported: true, note: 'With join times; admins come from the admin list.' },
      mutes: { supported: true },
      chatrooms: {
        supported: true,
        note: 'Members and admins; chat room membership is transient on Easemob.',
      },
      contacts: {
        supported: true,
        note: 'Friend ids only: Easemob keeps no friend add time or friend groups.',
      },
      blocklists: { supported: true, note: 'Easemob keeps no block time.' },
    },
    import: {
      accounts: { supported: true, note: 'Easemob requires a password for every account (passwordFor).' },
      profiles: { supported: true },
      groups: {
        supported: true,
        note: 'Easemob sets the creation time itself: no group can be backdated. Custom ids only when enabled.',
      },
      members: { supported: true, note: 'Easemob takes no join time: members join at import time.' },
      mutes: { supported: true, note: 'As the time left at import.' },
      chatrooms: {
        supported: true,
        note: 'Easemob has no chat room message import: room history stays behind.',
      },
      contacts: {
        supported: true,
        note: 'Easemob takes no friend add time, friend groups or remarks at import.',
      },
      blocklists: { supported: true, note: 'Easemob takes no block time.' },
    },
  },
  history: {
    // The export covers the last 3 days, and an hour's file is complete about 24 hours later (§2.11).
    read: { conversations: ['direct', 'group', 'chatroom'], windowDays: 3, delayHours: 24 },
    import: {
      // No chat room import exists (§2.8); both imports take every body type (§2.9, §2.10).
      contents: { direct: EVERY_TYPE, group: EVERY_TYPE },
      precisionMs: 1,
      backdatesGroups: false,
    },
  },
  importBatch: EASEMOB_IMPORT_BATCH,
};
