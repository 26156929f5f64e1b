import type { VendorApiLimit } from '@im-gateway/types';

/**
 * The vendor APIs the migration reader and writer call, by the names their calls are paced under. The
 * user-management APIs (registration, the user list) share one budget (migration facts §2.1).
 */
export const EASEMOB_MIGRATION_APIS = {
  users: 'users',
  metadata: 'metadata/user',
  contacts: 'users/contacts',
  blocks: 'users/blocks',
  groups: 'chatgroups',
  roomsCreate: 'chatrooms/create',
  roomsList: 'chatrooms/list',
  rooms: 'chatrooms',
  importUsers: 'messages/users/import',
  importGroups: 'messages/chatgroups/import',
  export: 'chatmessages',
} as const;

const A = EASEMOB_MIGRATION_APIS;

/** Their documented limits per app (migration facts §2: 100 calls/s unless a page says otherwise). */
export const EASEMOB_MIGRATION_API_LIMITS: readonly VendorApiLimit[] = [
  { api: A.users, unit: 'calls', points: 100, perSeconds: 1 },
  { api: A.metadata, unit: 'calls', points: 100, perSeconds: 1 },
  { api: A.contacts, unit: 'calls', points: 100, perSeconds: 1 },
  { api: A.blocks, unit: 'calls', points: 100, perSeconds: 1 },
  { api: A.groups, unit: 'calls', points: 100, perSeconds: 1 },
  // Chat room creation and listing: 50/s (§2.8).
  { api: A.roomsCreate, unit: 'calls', points: 50, perSeconds: 1 },
  { api: A.roomsList, unit: 'calls', points: 50, perSeconds: 1 },
  { api: A.rooms, unit: 'calls', points: 100, perSeconds: 1 },
  // One message per import call, 100/s (§2.9, §2.10).
  { api: A.importUsers, unit: 'calls', points: 100, perSeconds: 1 },
  { api: A.importGroups, unit: 'calls', points: 100, perSeconds: 1 },
  // The history export: 10 calls per minute (§2.11).
  { api: A.export, unit: 'calls', points: 10, perSeconds: 60 },
];

/** Items per vendor call (migration facts §2); blocks: the per-request maximum is not documented, 50 chosen. */
export const EASEMOB_IMPORT_BATCH = {
  accounts: 60,
  profiles: 1,
  groups: 1,
  members: 60,
  mutes: 60,
  chatrooms: 1,
  history: 1,
  contacts: 10,
  blocklists: 50,
} as const;
