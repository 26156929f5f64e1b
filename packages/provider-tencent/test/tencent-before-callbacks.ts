import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import type { CallbackContext, CallbackRequest } from '@im-gateway/types';
import type { TencentConfig } from '../src/tencent.config.js';
import { FIXTURES, fixtureContext } from './tencent-fixtures.js';

/**
 * A callback for each before-command, for the decision tests and the conformance kit's before check. The
 * two send before-callbacks are the vendor-doc examples (fixtures/callbacks/); the docs print no example
 * of the others, so each gets the smallest body of the fields its normalizer reads (tencent.md §2).
 */
const MINIMAL_BODIES: Readonly<Record<string, Record<string, unknown>>> = {
  'Sns.CallbackPrevFriendAdd': {
    Requester_Account: 'alice',
    From_Account: 'alice',
    FriendItem: [{ To_Account: 'bob', AddWording: 'hi' }, { To_Account: 'carol' }],
    AddType: 'Add_Type_Both',
  },
  'Sns.CallbackPrevFriendResponse': {
    Requester_Account: 'bob',
    From_Account: 'bob',
    ResponseFriendItem: [{ To_Account: 'alice', ResponseAction: 'Response_Action_AgreeAndAdd' }],
  },
  'Group.CallbackBeforeCreateGroup': {
    Operator_Account: 'alice',
    Owner_Account: 'alice',
    Type: 'Public',
    Name: 'team',
    MemberList: [{ Member_Account: 'bob' }],
  },
  'Group.CallbackBeforeApplyJoinGroup': {
    GroupId: '@TGS#2J4SZEAEL',
    Type: 'Public',
    Requestor_Account: 'carol',
  },
  'Group.CallbackBeforeInviteJoinGroup': {
    GroupId: '@TGS#2J4SZEAEL',
    Type: 'Public',
    Operator_Account: 'alice',
    DestinationMembers: [{ Member_Account: 'bob' }, { Member_Account: 'carol' }],
  },
  'Group.CallbackBeforeCreateTopic': {
    GroupId: '@TGS#_@TGS#cQVLVHIM62CJ',
    Type: 'Community',
    Operator_Account: 'alice',
    TopicName: 'news',
  },
  'Chatbot.OnC2CSignalMessage': {
    From_Account: 'alice',
    To_Account: '@RBT#bot',
    MsgKey: '1_2_1700000000',
    MsgTime: 1700000000,
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'ping' } }],
  },
  'OfficialAccount.CallbackBeforeCreateOfficialAccount': {
    Operator_Account: 'alice',
    Owner_Account: 'alice',
    Name: 'news',
  },
  'OfficialAccount.CallbackBeforeSendMsg': {
    Official_Account: '@TOA#_news',
    MsgKey: '3_4_1700000000',
    MsgTime: 1700000000,
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'morning news' } }],
  },
};

const QUERY = {
  SdkAppid: '1400000000',
  contenttype: 'json',
  ClientIP: '127.0.0.1',
  OptPlatform: 'Android',
};

/** The request and context of a before-command's callback, or undefined for a command not listed here. */
export function tencentBeforeCallback(
  command: string,
): { request: CallbackRequest; context: CallbackContext<TencentConfig> } | undefined {
  const query = { ...QUERY, CallbackCommand: command };
  const context = fixtureContext({ query }) as unknown as CallbackContext<TencentConfig>;
  if (FIXTURES.names().includes(command)) {
    const fixture = FIXTURES.load(command);
    return {
      request: fixtureRequest(fixture),
      context: fixtureContext(fixture) as unknown as CallbackContext<TencentConfig>,
    };
  }
  const minimal = MINIMAL_BODIES[command];
  if (!minimal) return undefined;
  const body = { CallbackCommand: command, ...minimal };
  return { request: { query, headers: {}, body, rawBody: JSON.stringify(body) }, context };
}
