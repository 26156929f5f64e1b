import type { VendorApiLimit } from '@im-gateway/types';
import { EASEMOB_MIGRATION_API_LIMITS } from '../migration/easemob-migration.apis.js';

/** Recipients per call (easemob.md §2.1, seed 001); not adjustable by the vendor. */
export const EASEMOB_BATCH_SIZES = { users: 600, chatgroups: 3, chatrooms: 10, targetedUsers: 20 } as const;

/**
 * Per-app limits of the APIs the send path and the migration reader and writer call (easemob.md §2.5, seed 001 发送频率). A send to N users,
 * groups or rooms counts as N messages. Token requests have no published number and are cached instead.
 */
export const EASEMOB_API_LIMITS: readonly VendorApiLimit[] = [
  { api: 'messages/users', unit: 'calls', points: 100, perSeconds: 1 },
  { api: 'messages/users', unit: 'messages', points: 6000, perSeconds: 60 },
  { api: 'messages/chatgroups', unit: 'calls', points: 20, perSeconds: 1 },
  { api: 'messages/chatgroups', unit: 'messages', points: 20, perSeconds: 1 },
  { api: 'messages/chatgroups/users', unit: 'messages', points: 100, perSeconds: 1 },
  { api: 'messages/chatrooms', unit: 'calls', points: 20, perSeconds: 1 },
  { api: 'messages/chatrooms', unit: 'messages', points: 100, perSeconds: 1 },
  { api: 'messages/chatrooms/users', unit: 'calls', points: 100, perSeconds: 1 },
  { api: 'messages/chatrooms/broadcast', unit: 'calls', points: 10, perSeconds: 60 },
  { api: 'messages/msg_recall', unit: 'calls', points: 100, perSeconds: 1 },
  // Directory reads and imports and the history export (migration facts §2).
  ...EASEMOB_MIGRATION_API_LIMITS,
];
