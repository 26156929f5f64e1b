import type { MigrationCapabilities } from '@im-gateway/types';

/** Elements `import_group_msg` takes (migration-apis §1.9); `command` travels as a marked TIMCustomElem. */
const GROUP_IMPORT_CONTENTS = ['text', 'face', 'location', 'custom', 'command'] as const;

/**
 * What a migration can read from and import into Tencent Cloud IM (migration-apis §1, §3–5). Each
 * limitation is said once, in the words a plan or report shows.
 */
export const TENCENT_MIGRATION_CAPABILITIES: MigrationCapabilities = {
  directory: {
    read: {
      accounts: {
        supported: false,
        reason: 'Tencent has no API that lists all accounts of an app; upload the list of users to migrate.',
        alternative: 'upload',
      },
      profiles: {
        supported: true,
        note: 'Read for known users; custom fields only for the tags named in the config (migrationProfileTags).',
      },
      contacts: {
        supported: true,
        note: 'One-way friend lists of known users, with remark, groups and add time.',
      },
      blocklists: { supported: true, note: 'Read for known users.' },
      groups: { supported: true },
      members: { supported: true },
      mutes: { supported: true },
      chatrooms: {
        supported: true,
        note: 'ChatRoom (Meeting) and AVChatRoom groups; AVChatRoom members cannot be read.',
      },
    },
    import: {
      accounts: {
        supported: true,
        note: 'multiaccount_import; nickname and avatar travel with the profiles.',
      },
      profiles: {
        supported: true,
        note: 'Custom fields become Tag_Profile_Custom_<name> tags (≤ 8 English letters), which must exist in the console.',
      },
      contacts: {
        supported: true,
        note: 'Each direction is imported on its own (Tencent friendships are one-way).',
      },
      blocklists: {
        supported: true,
        note: 'Blocking removes the friendship on Tencent, and the block time is not kept (no field sets it).',
      },
      groups: {
        supported: true,
        note: 'Keeps the creation time; names over 30 bytes are shortened; mute-all is not set (import_group has no field); custom data only as a JSON object of strings (AppDefinedData).',
      },
      members: { supported: true, note: 'Join times must lie after the group creation and before now.' },
      mutes: { supported: true, note: 'Written as the duration left at import time.' },
      chatrooms: {
        supported: true,
        note: 'Imported as ChatRoom (Meeting) groups: AVChatRoom takes no import.',
      },
    },
  },
  history: {
    read: {
      // AVChatRoom keeps no history; ChatRoom (Meeting) groups do and read as chat rooms.
      conversations: ['direct', 'group', 'chatroom'],
      windowDays: 7,
      // An hour's file is built after the hour ends, "usually within an hour" (§1.19).
      delayHours: 2,
    },
    import: {
      contents: {
        direct: ['text', 'image', 'audio', 'video', 'file', 'location', 'face', 'custom', 'command'],
        group: GROUP_IMPORT_CONTENTS,
        chatroom: GROUP_IMPORT_CONTENTS,
      },
      precisionMs: 1000,
      backdatesGroups: true,
    },
  },
  importBatch: {
    accounts: 100,
    profiles: 1,
    groups: 1,
    members: 300,
    mutes: 500,
    chatrooms: 1,
    // import_group_msg takes 7 per call; importmsg 1, so a one-to-one batch is 7 calls.
    history: 7,
    contacts: 1000,
    blocklists: 1000,
  },
};
