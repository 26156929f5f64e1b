import type { ProviderCapabilities } from '@im-gateway/types';
import { EASEMOB_RECONCILE_CAPABILITIES } from './reconcile/easemob-reconcile.capabilities.js';
import { EASEMOB_MIGRATION_CAPABILITIES } from './migration/easemob-migration.capabilities.js';
import { EASEMOB_BEFORE_CAPABILITIES } from './callback/easemob-before.capabilities.js';
import { EASEMOB_API_LIMITS, EASEMOB_BATCH_SIZES } from './rest/easemob-api-limits.js';

/**
 * What Easemob supports (easemob.md §2, seed 001). The send planner and the content mapper refuse the same
 * things again, for callers that reach the provider without the gateway.
 */
export const EASEMOB_CAPABILITIES: ProviderCapabilities = {
  conversations: ['direct', 'group', 'chatroom', 'thread'],
  send: {
    targets: ['user', 'group', 'chatroom'],
    // Easemob has no face (emoticon) message type.
    contents: ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'custom'],
    // Fields Easemob's message bodies have no place for: sending them would lose them.
    unsupportedContentFields: {
      image: ['format', 'variants'],
      video: ['format'],
      custom: ['data', 'description', 'extension', 'sound'],
    },
    options: {
      // chatroom_msg_level exists only for chat rooms.
      priority: ['chatroom'],
      // Targeted messages: /messages/chatgroups/users and /messages/chatrooms/users.
      recipients: ['group', 'chatroom'],
      // routetype: ROUTE_ONLINE is documented for users and groups.
      onlineOnly: ['user', 'group'],
      // sync_device exists for users; groups always sync to the sender, chat rooms never.
      syncToSender: { on: ['user', 'group'], off: ['user', 'chatroom'] },
      broadcast: true,
    },
  },
  receive: { contents: ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'custom'] },
  // A broadcast answers with no message id to recall.
  recall: { targets: ['user', 'group', 'chatroom'], broadcast: false },
  limits: {
    batchSizes: {
      users: EASEMOB_BATCH_SIZES.users,
      groups: EASEMOB_BATCH_SIZES.chatgroups,
      chatrooms: EASEMOB_BATCH_SIZES.chatrooms,
    },
    maxTargetedRecipients: EASEMOB_BATCH_SIZES.targetedUsers,
    // body + ext ≤ 5 KB for every type (easemob.md §5, "message is too large").
    maxMessageBytes: 5 * 1024,
    rateLimits: EASEMOB_API_LIMITS,
  },
  // easemob.md §5 "ID and value rules".
  ids: {
    // Easemob lower-cases mixed case, so an upper-case id would come back as another id than the one mapped.
    user: { maxBytes: 64, pattern: '^[a-z0-9_.-]+$', description: 'a-z, 0-9, _ - . (lower case)' },
    // Assigned by Easemob and numeric in every document; no length is documented, 64 bytes as for users.
    group: { maxBytes: 64, pattern: '^[0-9]+$', description: '0-9 (assigned by Easemob)' },
    chatroom: { maxBytes: 64, pattern: '^[0-9]+$', description: '0-9 (assigned by Easemob)' },
  },
  migration: EASEMOB_MIGRATION_CAPABILITIES,
  reconcile: EASEMOB_RECONCILE_CAPABILITIES,
  before: EASEMOB_BEFORE_CAPABILITIES,
};
