import type { MigrationApi, VendorCallContext } from '@im-gateway/types';
import type { TencentRestClient } from '../rest/tencent-rest.client.js';
import type { TencentConfig } from '../tencent.config.js';
import {
  readTencentBlocks,
  readTencentChatrooms,
  readTencentContacts,
  readTencentGroups,
  readTencentMembers,
  readTencentMutes,
  readTencentProfiles,
} from './tencent-directory.reader.js';
import {
  importTencentAccounts,
  importTencentBlocks,
  importTencentContacts,
  importTencentProfiles,
} from './tencent-directory.writer.js';
import {
  importTencentChatroom,
  importTencentGroup,
  importTencentMembers,
  importTencentMutes,
} from './tencent-group.writer.js';
import { readTencentHistory } from './tencent-history.reader.js';
import { importTencentHistory } from './tencent-history.writer.js';
import { tencentCaller } from './tencent-migration.calls.js';

/**
 * Tencent's migration reader and writer over the app's REST client. No `accounts` read: Tencent has no API
 * that lists accounts (TENCENT_MIGRATION_CAPABILITIES). `now` is the clock mutes are measured against.
 */
export function createTencentMigration(
  clientFor: (config: TencentConfig) => TencentRestClient,
  now: () => number = Date.now,
): MigrationApi<TencentConfig> {
  const call = (config: TencentConfig, ctx: VendorCallContext) => tencentCaller(clientFor(config), ctx);
  return {
    reader: {
      profiles: (config, userIds, ctx) =>
        readTencentProfiles(call(config, ctx), userIds, config.migrationProfileTags),
      contacts: (config, owner, cursor, ctx) => readTencentContacts(call(config, ctx), owner, cursor),
      blocklist: (config, owner, cursor, ctx) => readTencentBlocks(call(config, ctx), owner, cursor),
      groups: (config, cursor, ctx) => readTencentGroups(call(config, ctx), cursor),
      members: (config, groupId, cursor, ctx) => readTencentMembers(call(config, ctx), groupId, cursor),
      mutes: (config, groupId, ctx) => readTencentMutes(call(config, ctx), groupId),
      chatrooms: (config, cursor, ctx) => readTencentChatrooms(call(config, ctx), cursor),
      history: (config, window, cursor, ctx) => readTencentHistory(clientFor(config), ctx, window, cursor),
    },
    writer: {
      // Tencent accounts have no password (UserSig): `passwordFor` is not used.
      importAccounts: (config, accounts, _options, ctx) => importTencentAccounts(call(config, ctx), accounts),
      importProfiles: (config, profiles, ctx) => importTencentProfiles(call(config, ctx), profiles),
      importGroup: (config, group, ctx) => importTencentGroup(call(config, ctx), group),
      importMembers: (config, groupId, members, ctx) =>
        importTencentMembers(call(config, ctx), groupId, members),
      importMutes: (config, groupId, mutes, ctx) =>
        importTencentMutes(call(config, ctx), groupId, mutes, now()),
      importChatroom: (config, room, ctx) => importTencentChatroom(call(config, ctx), room, now()),
      importHistory: (config, messages, ctx) => importTencentHistory(call(config, ctx), messages),
      importContacts: (config, owner, contacts, ctx) =>
        importTencentContacts(call(config, ctx), owner, contacts),
      importBlocks: (config, owner, blocks, ctx) => importTencentBlocks(call(config, ctx), owner, blocks),
    },
  };
}
