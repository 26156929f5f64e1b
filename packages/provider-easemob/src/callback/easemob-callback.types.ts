import type { EventType } from '@im-gateway/types';

/**
 * The families a callback body can belong to. Decided from the fields present (seed README: the vendor's
 * own examples are filed under the wrong section now and then), never from which doc page printed them.
 */
export type EasemobCallbackFamily =
  | 'message'
  | 'presend'
  | 'edit'
  | 'recall'
  | 'ack'
  | 'muc'
  | 'group_op'
  | 'roster'
  | 'user_status'
  | 'sensitive_words'
  | 'reaction'
  | 'thread'
  | 'offline_push'
  | 'moderation'
  | 'unknown';

/** What the classifier decided about one callback body. */
export interface EasemobClassification {
  family: EasemobCallbackFamily;
  /**
   * The Easemob filter-rule name (`chat:txt`, `muc:kick`, `group_op:JOIN:DIRECT`...). For operations the
   * gateway does not know yet it is still the vendor's name (`muc:some_new_op`), published as
   * `provider.unknown` with this name in `data.vendorType`.
   */
  kind: string;
  /** False when the kind is not one the gateway maps to a unified type. */
  known: boolean;
}

/** The nine message body types of the post-send filter vocabulary (seed 000 §单聊). */
export const EASEMOB_BODY_TYPES = [
  'txt',
  'img',
  'audio',
  'loc',
  'video',
  'file',
  'cmd',
  'custom',
  'unknown',
] as const;
export type EasemobBodyType = (typeof EASEMOB_BODY_TYPES)[number];

/** Message chat types; `chatroom` appears in the pre-send table, post-send room messages say `groupchat`. */
export const EASEMOB_MESSAGE_CHAT_TYPES = ['chat', 'groupchat', 'chatroom'] as const;

/** Legacy `chat_type: "muc"` operations (seed 000 §群组和聊天室操作, 31 of them, plus the legacy metadata ones). */
export const EASEMOB_MUC_EVENT_TYPES: Readonly<Record<string, EventType>> = {
  create: 'group.created',
  destroy: 'group.destroyed',
  apply: 'group.join.requested',
  apply_accept: 'group.member.joined',
  invite: 'group.invitation.sent',
  invite_accept: 'group.member.joined',
  invite_decline: 'group.invitation.declined',
  kick: 'group.member.removed',
  ban: 'group.member.banned',
  allow: 'group.member.unbanned',
  update: 'group.updated',
  block: 'group.blocked',
  unblock: 'group.unblocked',
  presence: 'group.member.joined',
  absence: 'group.member.left',
  direct_joined: 'group.member.joined',
  leave: 'group.member.left',
  assing_owner: 'group.owner.transferred',
  add_admin: 'group.admin.added',
  remove_admin: 'group.admin.removed',
  add_mute: 'group.member.muted',
  remove_mute: 'group.member.unmuted',
  update_announcement: 'group.announcement.updated',
  delete_announcement: 'group.announcement.deleted',
  upload_file: 'group.file.uploaded',
  delete_file: 'group.file.deleted',
  add_user_white_list: 'group.allowlist.added',
  remove_user_white_list: 'group.allowlist.removed',
  ban_group: 'group.muted',
  remove_ban_group: 'group.unmuted',
  // easemob.md §4.4: the legacy list also carries room / member attribute changes.
  set_metadata: 'group.attributes.changed',
  delete_metadata: 'group.attributes.changed',
  group_member_metadata_update: 'group.member.updated',
};

/** Roster (contact) operations, seed 000 §好友关系操作. */
export const EASEMOB_ROSTER_EVENT_TYPES: Readonly<Record<string, EventType>> = {
  add: 'contact.requested',
  remove: 'contact.removed',
  accept: 'contact.added',
  decline: 'contact.declined',
  remote_accept: 'contact.added',
  remote_decline: 'contact.declined',
  ban: 'contact.blocked',
  allow: 'contact.unblocked',
};

/**
 * New-format group / chat-room events (easemob.md §4.4), keyed `OPERATION` or `OPERATION:payload.type`.
 * The vendor says more pairs will come, so matching is strict and anything else is `provider.unknown`.
 */
export const EASEMOB_GROUP_OP_EVENT_TYPES: Readonly<Record<string, EventType>> = {
  CREATE: 'group.created',
  DELETE: 'group.destroyed',
  'JOIN:DIRECT': 'group.member.joined',
  'JOIN:INVITE': 'group.member.joined',
  'JOIN:APPLY': 'group.member.joined',
  'LEAVE:QUIT': 'group.member.left',
  'LEAVE:KICK': 'group.member.removed',
  'LEAVE:BLOCK': 'group.member.removed',
  'LEAVE:DELETE': 'group.member.removed',
  'UPDATE:INFO': 'group.updated',
  'MUTE:ADD': 'group.member.muted',
  'MUTE:REMOVE': 'group.member.unmuted',
};

/** userStatus reasons (seed 000 §用户登入登出); the unified type follows `status`. */
export const EASEMOB_USER_STATUS_REASONS = ['login', 'logout', 'replaced'] as const;

/** Offline-push `status` values and content-moderation results (easemob.md §4.4). */
export const EASEMOB_PUSH_STATUSES = ['success', 'fail', 'error'] as const;
export const EASEMOB_MODERATION_RESULTS = ['PASS', 'REJECT', 'EXCHANGE', 'RECALL'] as const;
