import type {
  TencentCommandSpec,
  TencentDedupeRule,
  TencentFamilyNormalizer,
} from './tencent-callback.types.js';
import { tencentAllowReply, tencentSnsPrevAllowReply } from './tencent-callback.reply.js';
import * as c2c from './tencent-c2c.normalizer.js';
import * as groupMsg from './tencent-group-message.normalizer.js';
import * as group from './tencent-group.normalizer.js';
import * as oa from './tencent-official-account.normalizer.js';
import * as service from './tencent-service.normalizer.js';
import * as sns from './tencent-sns.normalizer.js';
import * as state from './tencent-state.normalizer.js';

/**
 * Every CallbackCommand of the catalogue (tencent.md §2). `before` commands are answered with their allow
 * reply at once (§1.5: Tencent waits 2 s and never retries them). Dedupe `message` applies to callbacks that
 * fire once per message; the rest hash the body (extension changes share a message, so they hash).
 */
const after = (
  command: string,
  normalize: TencentFamilyNormalizer,
  dedupe: TencentDedupeRule = 'body',
): TencentCommandSpec => ({
  command,
  timing: 'after',
  dedupe,
  normalize,
});
const before = (
  command: string,
  normalize: TencentFamilyNormalizer,
  dedupe: TencentDedupeRule = 'body',
): TencentCommandSpec => ({
  command,
  timing: 'before',
  dedupe,
  normalize,
  allow: tencentAllowReply,
});

const SPECS: readonly TencentCommandSpec[] = [
  // Ops and online state
  after('Alert.RequestOverLimit', state.normalizeAlert('request_over_limit')),
  after('State.StateChange', state.normalizeStateChange),
  after('Profile.CallbackPortraitSet', sns.normalizeProfileSet),
  // Relations and follows
  {
    ...before('Sns.CallbackPrevFriendAdd', sns.normalizeSnsPrev('contact.requested')),
    allow: tencentSnsPrevAllowReply,
  },
  {
    ...before('Sns.CallbackPrevFriendResponse', sns.normalizeSnsPrev('contact.response.requested')),
    allow: tencentSnsPrevAllowReply,
  },
  after('Sns.CallbackFriendAdd', sns.normalizeSnsPairs('contact.added')),
  after('Sns.CallbackFriendDelete', sns.normalizeSnsPairs('contact.removed')),
  after('Sns.CallbackBlackListAdd', sns.normalizeSnsPairs('contact.blocked')),
  after('Sns.CallbackBlackListDelete', sns.normalizeSnsPairs('contact.unblocked')),
  after('Follow.CallbackAfterFollowAdd', sns.normalizeFollow('follow.added')),
  after('Follow.CallbackAfterFollowDelete', sns.normalizeFollow('follow.removed')),
  // One-to-one messages
  before('C2C.CallbackBeforeSendMsg', c2c.normalizeC2cBeforeSend, 'message'),
  after('C2C.CallbackAfterSendMsg', c2c.normalizeC2cAfterSend, 'message'),
  after('C2C.CallbackAfterMsgReport', c2c.normalizeC2cReadReport),
  after('C2C.CallbackAfterMsgWithDraw', c2c.normalizeC2cWithdraw, 'message'),
  after('C2C.CallbackAfterC2CMsgExtension', c2c.normalizeC2cExtension),
  // Groups
  before('Group.CallbackBeforeCreateGroup', group.normalizeGroupCreate('group.create.requested')),
  after('Group.CallbackAfterCreateGroup', group.normalizeGroupCreate('group.created')),
  before('Group.CallbackBeforeApplyJoinGroup', group.normalizeGroupApplyJoin),
  before('Group.CallbackBeforeInviteJoinGroup', group.normalizeGroupInvite),
  after('Group.CallbackAfterNewMemberJoin', group.normalizeGroupMemberJoin),
  after('Group.CallbackAfterMemberExit', group.normalizeGroupMemberExit),
  before('Group.CallbackBeforeSendMsg', groupMsg.normalizeGroupBeforeSend),
  after('Group.CallbackAfterSendMsg', groupMsg.normalizeGroupAfterSend, 'message'),
  after('Group.CallbackAfterGroupFull', group.normalizeGroupFull),
  after('Group.CallbackAfterGroupDestroyed', group.normalizeGroupDestroyed),
  after('Group.CallbackAfterGroupInfoChanged', group.normalizeGroupInfoChanged),
  after('Group.CallbackOnMemberStateChange', group.normalizeGroupMemberState),
  after('Group.CallbackSendMsgException', groupMsg.normalizeGroupSendException, 'message'),
  before('Group.CallbackBeforeCreateTopic', group.normalizeTopic('thread.create.requested')),
  after('Group.CallbackAfterCreateTopic', group.normalizeTopic('thread.created')),
  after('Group.CallbackAfterTopicDestroyed', group.normalizeTopic('thread.destroyed')),
  after('Group.CallbackAfterTopicInfoChanged', group.normalizeTopic('thread.updated')),
  after('Group.CallbackAfterMemberFieldChanged', group.normalizeGroupMemberField),
  after('Group.CallbackAfterGroupAttrChanged', group.normalizeGroupAttrChanged),
  after('Group.CallbackAfterReadReceipt', groupMsg.normalizeGroupReadReceipt),
  after('Group.CallbackAfterChangeGroupOwner', group.normalizeGroupOwnerChanged),
  after('Group.CallbackOnDailyGroupQuotaAlarm', state.normalizeAlert('daily_group_quota')),
  after('Group.CallbackAfterGroupMsgExtension', groupMsg.normalizeGroupExtension),
  after('Group.CallbackAfterRecallMsg', groupMsg.normalizeGroupRecall),
  // Moderation, bots, official accounts, push
  after('ContentCallback.ResultNotify', service.normalizeModerationResult),
  after('Bot.OnC2CMessage', c2c.normalizeBotC2cMessage, 'message'),
  after('Bot.OnGroupMessage', groupMsg.normalizeBotGroupMessage, 'message'),
  before('Chatbot.OnC2CSignalMessage', c2c.normalizeChatbotSignal, 'message'),
  before(
    'OfficialAccount.CallbackBeforeCreateOfficialAccount',
    oa.normalizeOfficialAccount('official_account.create.requested'),
  ),
  after(
    'OfficialAccount.CallbackAfterCreateOfficialAccount',
    oa.normalizeOfficialAccount('official_account.created'),
  ),
  after(
    'OfficialAccount.CallbackAfterOfficialAccountInfoChanged',
    oa.normalizeOfficialAccount('official_account.updated'),
  ),
  after(
    'OfficialAccount.CallbackAfterOfficialAccountDestroyed',
    oa.normalizeOfficialAccount('official_account.destroyed'),
  ),
  after(
    'OfficialAccount.CallbackAfterAddSubscriber',
    oa.normalizeOfficialAccount('official_account.subscriber.added'),
  ),
  after(
    'OfficialAccount.CallbackAfterDeleteSubscriber',
    oa.normalizeOfficialAccount('official_account.subscriber.removed'),
  ),
  before(
    'OfficialAccount.CallbackBeforeSendMsg',
    oa.normalizeOfficialAccountMessage('message.send.requested'),
    'message',
  ),
  after(
    'OfficialAccount.CallbackAfterSendMsg',
    oa.normalizeOfficialAccountMessage('message.sent'),
    'message',
  ),
  after('Push.OfflinePush', service.normalizePushResults),
  // "and other push-plugin callbacks" (§2): the all-member / tag push results share the batched shape.
  after('Push.AllMemberPush', service.normalizePushResults),
];

const BY_COMMAND: ReadonlyMap<string, TencentCommandSpec> = new Map(SPECS.map((s) => [s.command, s]));

/** Every CallbackCommand this package recognises, in catalogue order. */
export const TENCENT_CALLBACK_COMMANDS: readonly string[] = SPECS.map((s) => s.command);

/** The spec of a known command, or undefined: unknown commands become `provider.unknown`, never errors. */
export function classifyTencentCallback(command: string): TencentCommandSpec | undefined {
  return BY_COMMAND.get(command);
}
