import { readString } from '@im-gateway/provider-kit/callback';
import type { EventType } from '@im-gateway/types';
import {
  accountsOf,
  compact,
  detailsOf,
  groupConversation,
  groupData,
  idOf,
  keyValueMap,
  numberOf,
} from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';

/**
 * Group lifecycle and membership callbacks (Group.*, except messages). A callback about several members is
 * one event whose `subjects` lists them all: Tencent reports one operation, and EVENT-MODEL maps one vendor
 * operation to one unified event.
 */

function groupEvent(
  input: TencentCallbackInput,
  type: EventType,
  parts: { actor?: string | undefined; subjects?: string[]; data?: Record<string, unknown> },
): TencentEventPart {
  const subjects = parts.subjects !== undefined && parts.subjects.length > 0 ? parts.subjects : undefined;
  return compact({
    type,
    conversation: groupConversation(input.body),
    actor: parts.actor ?? idOf(input.body, 'Operator_Account'),
    subjects,
    data: compact({ ...groupData(input.body), ...parts.data }),
  });
}

const members = (body: Record<string, unknown>, ...keys: string[]): string[] =>
  keys.flatMap((k) => accountsOf(body[k], 'Member_Account'));

/** Before/After create: initial members are the subjects; custom group fields go to `data.userDefinedData`. */
export function normalizeGroupCreate(type: 'group.create.requested' | 'group.created') {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    return [
      groupEvent(input, type, {
        subjects: members(body, 'MemberList'),
        data: {
          owner: idOf(body, 'Owner_Account'),
          name: readString(body.Name),
          createGroupNum: numberOf(body, 'CreateGroupNum'),
          userDefinedData: keyValueMap(body.UserDefinedDataList, ['Key', 'key'], ['Value', 'value']),
        },
      }),
    ];
  };
}

/** Group.CallbackBeforeApplyJoinGroup: `Requestor_Account` asks to join. */
export function normalizeGroupApplyJoin(input: TencentCallbackInput): TencentEventPart[] {
  const requestor = idOf(input.body, 'Requestor_Account');
  return [
    groupEvent(input, 'group.join.requested', { actor: requestor, subjects: requestor ? [requestor] : [] }),
  ];
}

/** Group.CallbackBeforeInviteJoinGroup: `Operator_Account` adds `DestinationMembers`. */
export function normalizeGroupInvite(input: TencentCallbackInput): TencentEventPart[] {
  return [
    groupEvent(input, 'group.invite.requested', {
      subjects: members(input.body, 'DestinationMembers', 'MemberList'),
    }),
  ];
}

/** Group.CallbackAfterNewMemberJoin: `JoinType` Apply | Invited. */
export function normalizeGroupMemberJoin(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  return [
    groupEvent(input, 'group.member.joined', {
      subjects: members(body, 'NewMemberList', 'MemberList'),
      data: { joinType: readString(body.JoinType) },
    }),
  ];
}

/**
 * Group.CallbackAfterMemberExit: `ExitType` Kicked → removed, Quit → left. Any other ExitType is not guessed
 * at: it is published as `provider.unknown`, since a kick reported as a voluntary leave would mislead.
 */
export function normalizeGroupMemberExit(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const exitType = readString(body.ExitType);
  const type =
    exitType === 'Kicked'
      ? 'group.member.removed'
      : exitType === 'Quit'
        ? 'group.member.left'
        : 'provider.unknown';
  return [
    groupEvent(input, type, {
      subjects: members(body, 'ExitMemberList', 'MemberList'),
      data: { exitType, ...(type === 'provider.unknown' ? { vendorType: input.command } : {}) },
    }),
  ];
}

/** Group.CallbackAfterGroupFull: the group became full, or a join failed because it was full. */
export function normalizeGroupFull(input: TencentCallbackInput): TencentEventPart[] {
  return [groupEvent(input, 'group.full', { data: { details: detailsOf(input.body) } })];
}

/** Group.CallbackAfterGroupDestroyed: the members at dismissal stay in `data` (absent for Community). */
export function normalizeGroupDestroyed(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const memberList = Array.isArray(body.MemberList) ? members(body, 'MemberList') : undefined;
  return [
    groupEvent(input, 'group.destroyed', {
      data: { owner: idOf(body, 'Owner_Account'), name: readString(body.Name), members: memberList },
    }),
  ];
}

/** Group.CallbackAfterGroupInfoChanged: only the changed ones of Name, Introduction, Notification, FaceUrl. */
export function normalizeGroupInfoChanged(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const changes = compact({
    name: readString(body.Name),
    introduction: readString(body.Introduction),
    notification: readString(body.Notification),
    faceUrl: readString(body.FaceUrl),
  });
  return [groupEvent(input, 'group.updated', { data: { changes } })];
}

/** Group.CallbackOnMemberStateChange: AVChatRoom members Offline/Online (`EventType`), newer pages add `EventCause`. */
export function normalizeGroupMemberState(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  return [
    groupEvent(input, 'group.member.presence.changed', {
      subjects: members(body, 'MemberList'),
      data: { state: readString(body.EventType ?? body.State), cause: readString(body.EventCause) },
    }),
  ];
}

/** Group.CallbackAfterMemberFieldChanged: `Modified_Account` (CN) is `Member_Account` in the intl docs (§1.6). */
export function normalizeGroupMemberField(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const member = idOf(body, 'Modified_Account', 'Member_Account');
  return [
    groupEvent(input, 'group.member.updated', {
      subjects: member ? [member] : members(body, 'MemberList'),
      data: { role: readString(body.Role), nameCard: readString(body.NameCard) },
    }),
  ];
}

/** Group.CallbackAfterGroupAttrChanged: `GroupAttr[]` with lower-case `key`/`value` (§1.6), both read. */
export function normalizeGroupAttrChanged(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  return [
    groupEvent(input, 'group.attributes.changed', {
      data: {
        operateType: numberOf(body, 'OperateType'),
        attributes: keyValueMap(body.GroupAttr, ['key', 'Key'], ['value', 'Value']),
      },
    }),
  ];
}

/** Group.CallbackAfterChangeGroupOwner: the new owner is the subject. */
export function normalizeGroupOwnerChanged(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const newOwner = idOf(body, 'NewOwner_Account');
  return [
    groupEvent(input, 'group.owner.transferred', {
      subjects: newOwner ? [newOwner] : [],
      data: { oldOwner: idOf(body, 'OldOwner_Account'), newOwner },
    }),
  ];
}

/** Community topics: create (before/after), destroy, info change. A topic is a `thread` of its group. */
export function normalizeTopic(
  type: 'thread.create.requested' | 'thread.created' | 'thread.destroyed' | 'thread.updated',
) {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    const topicIds = [idOf(body, 'TopicId'), ...accountsOf(body.TopicIdList, 'TopicId')].filter(
      (t) => t !== undefined,
    );
    return [
      groupEvent(input, type, {
        data: {
          topicIds: topicIds.length > 0 ? [...new Set(topicIds)] : undefined,
          topicName: readString(body.TopicName),
          details: type === 'thread.updated' ? detailsOf(body) : undefined,
        },
      }),
    ];
  };
}
