import type { IdRule, ProviderCapabilities } from '@im-gateway/types';
import { TENCENT_RECONCILE_CAPABILITIES } from './reconcile/tencent-reconcile.capabilities.js';
import { TENCENT_API_LIMITS, TENCENT_BATCH_SIZE, TENCENT_MAX_TARGETED } from './rest/tencent-api-limits.js';
import { TENCENT_MIGRATION_CAPABILITIES } from './migration/tencent-migration.capabilities.js';
import { TENCENT_BEFORE_CAPABILITIES } from './callback/tencent-before.capabilities.js';

/**
 * Not in tencent.md: Tencent's usage limits allow a custom GroupId of printable ASCII (0x20–0x7e), at most 48
 * bytes. The ids Tencent assigns (`@TGS#2J4SZEAEL`) fit the same rule.
 */
const GROUP_ID: IdRule = {
  maxBytes: 48,
  pattern: String.raw`^[\x20-\x7e]+$`,
  description: 'printable ASCII (0x20–0x7e)',
};

/**
 * What Tencent Cloud IM supports (tencent.md §3–4). The call planner and the element mapper refuse the same
 * things again, for callers that reach the provider without the gateway.
 */
export const TENCENT_CAPABILITIES: ProviderCapabilities = {
  // AVChatRoom messages arrive as group callbacks; Community topics as threads.
  conversations: ['direct', 'group', 'thread'],
  send: {
    targets: ['user', 'group', 'chatroom'],
    // `command` travels as a marked TIMCustomElem, which the normalizer reads back.
    contents: ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'custom', 'face'],
    // Fields no TIM*Elem carries (tencent.md §3): sending them would lose them.
    unsupportedContentFields: {
      image: ['name', 'secret'],
      audio: ['name', 'secret'],
      video: ['name', 'secret', 'thumbnailSecret'],
      file: ['secret'],
      custom: ['event', 'fields'],
    },
    options: {
      // MsgPriority exists only for send_group_msg (groups and AVChatRoom).
      priority: ['group', 'chatroom'],
      // Targeted To_Account is documented for groups, not AVChatRoom.
      recipients: ['group'],
      // MsgLifeTime 0 for users; OnlineOnlyFlag for groups but not AVChatRoom.
      onlineOnly: ['user', 'group'],
      // SyncOtherMachine for users; group messages always reach the sender's devices.
      syncToSender: { on: ['user', 'group', 'chatroom'], off: ['user'] },
      // There is no API that reaches every chat room.
      broadcast: false,
    },
  },
  receive: {
    contents: ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'custom', 'face'],
  },
  // AVChatRoom messages cannot be recalled (tencent.md §4.2).
  recall: { targets: ['user', 'group'], broadcast: false },
  limits: {
    batchSizes: { users: TENCENT_BATCH_SIZE, groups: 1, chatrooms: 1 },
    maxTargetedRecipients: TENCENT_MAX_TARGETED,
    // The limits and send pages say 12 KB; the error-code page says 8 KB for the same errors (tencent.md §4.3).
    maxMessageBytes: 12 * 1024,
    rateLimits: TENCENT_API_LIMITS,
  },
  ids: {
    // tencent.md §4.3 "UserID ≤ 32 bytes". No character set is documented (letters and digits are only
    // recommended), so only control characters, such as a CSV's stray carriage return, are refused.
    user: {
      maxBytes: 32,
      pattern: String.raw`^[^\u0000-\u001f\u007f]+$`,
      description: 'any character but control characters (U+0000–U+001F, U+007F)',
    },
    // An AVChatRoom is a group, with the same ids.
    group: GROUP_ID,
    chatroom: GROUP_ID,
  },
  migration: TENCENT_MIGRATION_CAPABILITIES,
  reconcile: TENCENT_RECONCILE_CAPABILITIES,
  before: TENCENT_BEFORE_CAPABILITIES,
};
