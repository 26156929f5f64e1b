import type { BeforeCallbackCapabilities, BeforeCommandSupport } from '@im-gateway/types';

/** Everything a send before-callback may change: `MsgBody` replaces the contents, `CloudCustomData` the ext. */
const WHOLE_MESSAGE = ['text', 'contents', 'ext'] as const;

/**
 * Tencent's before-callbacks and what each honours (tencent.md §1.5). One entry per `before(...)` command of
 * the classifier; the conformance kit checks that the two lists agree.
 */
const COMMANDS: readonly BeforeCommandSupport[] = [
  // `ResultItem[].ResultCode` 38000–39000 refuses a pair. A non-zero top-level ErrorCode does NOT refuse:
  // Tencent counts it as the app failing and lets the request through. Nothing says ResultInfo reaches the
  // requester, so no reason is declared.
  {
    vendorKind: 'Sns.CallbackPrevFriendAdd',
    eventType: 'contact.requested',
    deny: true,
    denyReason: false,
    modify: [],
  },
  {
    vendorKind: 'Sns.CallbackPrevFriendResponse',
    eventType: 'contact.response.requested',
    deny: true,
    denyReason: false,
    modify: [],
  },
  // ErrorCode 1 blocks (sender gets 20006); 120001–130000 block and pass the code and ErrorInfo to the
  // client; ErrorCode 0 with `MsgBody` / `CloudCustomData` delivers the message changed.
  {
    vendorKind: 'C2C.CallbackBeforeSendMsg',
    eventType: 'message.send.requested',
    deny: true,
    denyReason: true,
    modify: WHOLE_MESSAGE,
  },
  // The group before-callbacks share one contract: 1 refuses (10016), 10100–10200 refuse with the code and
  // ErrorInfo passed to the client.
  {
    vendorKind: 'Group.CallbackBeforeCreateGroup',
    eventType: 'group.create.requested',
    deny: true,
    denyReason: true,
    modify: [],
  },
  {
    vendorKind: 'Group.CallbackBeforeApplyJoinGroup',
    eventType: 'group.join.requested',
    deny: true,
    denyReason: true,
    modify: [],
  },
  // `RefusedMembers_Account` could refuse some invitees; a unified deny refuses the whole invite.
  {
    vendorKind: 'Group.CallbackBeforeInviteJoinGroup',
    eventType: 'group.invite.requested',
    deny: true,
    denyReason: true,
    modify: [],
  },
  {
    vendorKind: 'Group.CallbackBeforeSendMsg',
    eventType: 'message.send.requested',
    deny: true,
    denyReason: true,
    modify: WHOLE_MESSAGE,
  },
  // The topic page documents only ErrorCode 0 (create) and 1 (refuse, 10016): no custom codes.
  {
    vendorKind: 'Group.CallbackBeforeCreateTopic',
    eventType: 'thread.create.requested',
    deny: true,
    denyReason: false,
    modify: [],
  },
  // A signal message is not stopped by the answer: ErrorCode 0 forwards `RspData` to the bot, 1 drops only
  // `RspData`. There is nothing to deny or change.
  {
    vendorKind: 'Chatbot.OnC2CSignalMessage',
    eventType: 'message.send.requested',
    deny: false,
    denyReason: false,
    modify: [],
  },
  // ErrorCode 1 refuses (caller gets 20006); no custom codes are documented.
  {
    vendorKind: 'OfficialAccount.CallbackBeforeCreateOfficialAccount',
    eventType: 'official_account.create.requested',
    deny: true,
    denyReason: false,
    modify: [],
  },
  // The page says it works like the group before-send but its reply fields were not captured (tencent.md
  // §1.5, §6): nothing is declared that the docs do not show, so the gateway only ever allows it.
  {
    vendorKind: 'OfficialAccount.CallbackBeforeSendMsg',
    eventType: 'message.send.requested',
    deny: false,
    denyReason: false,
    modify: [],
  },
];

/**
 * Tencent waits 2 s for a before-callback's answer and the limit cannot be changed (tencent.md §1.3); it
 * never retries one.
 */
export const TENCENT_BEFORE_CAPABILITIES: BeforeCallbackCapabilities = {
  timeoutMs: 2000,
  onTimeout:
    'The operation proceeds (the message is delivered) by default; the console can switch the policy to ' +
    '"do not deliver", and the sender then gets error 80003. Before-callbacks are never retried.',
  configurableWait: null,
  commands: COMMANDS,
};
