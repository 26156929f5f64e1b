import type { MigrationApi } from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';
import type { EasemobRestClient } from '../rest/easemob-rest.client.js';
import { EasemobDirectoryReader } from './easemob-directory.reader.js';
import { EasemobDirectoryWriter } from './easemob-directory.writer.js';
import { EasemobHistoryReader } from './easemob-history.reader.js';
import { EasemobHistoryWriter } from './easemob-history.writer.js';

/** The migration reader and writer over the provider's cached client of each app. */
export function easemobMigration(
  client: (config: EasemobConfig) => EasemobRestClient,
): MigrationApi<EasemobConfig> {
  const appKey = (c: EasemobConfig) => `${c.orgName}#${c.appName}`;
  const reader = (c: EasemobConfig) => new EasemobDirectoryReader(client(c), appKey(c));
  const writer = (c: EasemobConfig) => new EasemobDirectoryWriter(client(c), c.customIds === true);
  return {
    reader: {
      accounts: (c, cursor, ctx) => reader(c).accounts(cursor, ctx),
      profiles: (c, ids, ctx) => reader(c).profiles(ids, ctx),
      // The whole list comes in one call, so there is no cursor to follow.
      contacts: (c, owner, _cursor, ctx) => reader(c).contacts(owner, ctx),
      blocklist: (c, owner, cursor, ctx) => reader(c).blocklist(owner, cursor, ctx),
      groups: (c, cursor, ctx) => reader(c).groups(cursor, ctx),
      members: (c, groupId, cursor, ctx) => reader(c).members(groupId, cursor, ctx),
      mutes: (c, groupId, ctx) => reader(c).mutes(groupId, ctx),
      chatrooms: (c, cursor, ctx) => reader(c).chatrooms(cursor, ctx),
      history: (c, window, cursor, ctx) =>
        new EasemobHistoryReader(client(c), c.exportTimeZone ?? 'utc').history(window, cursor, ctx),
    },
    writer: {
      importAccounts: (c, accounts, options, ctx) =>
        writer(c).importAccounts(accounts, options.passwordFor, ctx),
      importProfiles: (c, profiles, ctx) => writer(c).importProfiles(profiles, ctx),
      importGroup: (c, group, ctx) => writer(c).importGroup(group, ctx),
      importMembers: (c, groupId, members, ctx) => writer(c).importMembers(groupId, members, ctx),
      importMutes: (c, groupId, mutes, ctx) => writer(c).importMutes(groupId, mutes, ctx),
      importChatroom: (c, room, ctx) => writer(c).importChatroom(room, ctx),
      importHistory: (c, messages, ctx) => new EasemobHistoryWriter(client(c)).importHistory(messages, ctx),
      importContacts: (c, owner, contacts, ctx) => writer(c).importContacts(owner, contacts, ctx),
      importBlocks: (c, owner, blocks, ctx) => writer(c).importBlocks(owner, blocks, ctx),
    },
  };
}
