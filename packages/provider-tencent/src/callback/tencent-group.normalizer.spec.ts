import { describe, expect, it } from '@jest/globals';
import { fixtureBody, first, run } from '../../test/tencent-variants.js';

/** Hand-made variants of the vendor shapes (tencent.md §1.6, §2.1); see test/tencent-variants.ts. */
describe('Tencent group, state and relation callbacks', () => {
  describe('groups', () => {
    it('maps MemberExit Quit to group.member.left and an unknown ExitType to provider.unknown', () => {
      const body = fixtureBody('Group.CallbackAfterMemberExit');
      expect(first('Group.CallbackAfterMemberExit', { ...body, ExitType: 'Quit' })).toMatchObject({
        type: 'group.member.left',
        subjects: ['jared', 'tommy'],
      });
      expect(first('Group.CallbackAfterMemberExit', { ...body, ExitType: 'Vanished' })).toMatchObject({
        type: 'provider.unknown',
        data: { vendorType: 'Group.CallbackAfterMemberExit' },
      });
    });

    it('reads the member of MemberFieldChanged under Member_Account (intl) as under Modified_Account (CN)', () => {
      const { Modified_Account: _cn, ...body } = fixtureBody('Group.CallbackAfterMemberFieldChanged');
      expect(
        first('Group.CallbackAfterMemberFieldChanged', { ...body, Member_Account: '123456' }).subjects,
      ).toEqual(['123456']);
    });

    it('reads group attributes with lower-case and capitalised keys', () => {
      const lower = first('Group.CallbackAfterGroupAttrChanged', {
        GroupId: 'g',
        GroupAttr: [{ key: 'k', value: 'v' }],
      });
      const upper = first('Group.CallbackAfterGroupAttrChanged', {
        GroupId: 'g',
        GroupAttr: [{ Key: 'k', Value: 'v' }],
      });
      expect(lower.data.attributes).toEqual({ k: 'v' });
      expect(upper.data.attributes).toEqual({ k: 'v' });
    });

    it('publishes a topic as a thread of its group', () => {
      const event = first('Group.CallbackAfterCreateTopic', {
        GroupId: 'g',
        TopicId: 'g@TOPIC#_t',
        TopicName: 'News',
        Operator_Account: 'u',
      });
      expect(event).toMatchObject({
        type: 'thread.created',
        conversation: { type: 'thread', id: 'g@TOPIC#_t', parentId: 'g' },
        actor: 'u',
      });
    });
  });
  describe('topics and live groups', () => {
    it('reads TopicIdList as plain strings', () => {
      const event = first('Group.CallbackAfterTopicDestroyed', {
        GroupId: '@TGS#_@TGS#cQVLVHIM62CJ',
        Type: 'Community',
        TopicIdList: ['@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_A', '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_B'],
      });
      expect(event).toMatchObject({
        type: 'thread.destroyed',
        conversation: { type: 'group', id: '@TGS#_@TGS#cQVLVHIM62CJ' },
        data: { topicIds: ['@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_A', '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_B'] },
      });
    });

    it('keeps the live-group presence state and its cause', () => {
      const event = first('Group.CallbackOnMemberStateChange', {
        GroupId: 'g',
        EventType: 'Offline',
        EventCause: 'HeartbeatInterrupt',
        MemberList: [{ Member_Account: 'jared' }, { Member_Account: 'tommy' }],
      });
      expect(event).toMatchObject({
        type: 'group.member.presence.changed',
        subjects: ['jared', 'tommy'],
        data: { state: 'Offline', cause: 'HeartbeatInterrupt' },
      });
    });
  });

  describe('online state', () => {
    it.each([
      ['Login', 'Register', 'user.online', 'login'],
      ['Logout', 'Unregister', 'user.offline', 'logout'],
      ['Disconnect', 'LinkClose', 'user.offline', 'disconnect'],
      ['Disconnect', 'TimeOut', 'user.offline', 'disconnect'],
      ['Disconnect', 'Timeout', 'user.offline', 'disconnect'],
    ])('maps %s (%s) to %s', (action, reason, type, normalized) => {
      const event = first(
        'State.StateChange',
        { EventTime: 1629883332497, Info: { Action: action, To_Account: 'u1', Reason: reason } },
        { OptPlatform: 'IOS' },
      );
      expect(event).toMatchObject({
        type,
        actor: 'u1',
        data: { reason: normalized, vendorReason: reason, optPlatform: 'IOS' },
      });
    });

    it('publishes an unknown action as provider.unknown', () => {
      expect(first('State.StateChange', { Info: { Action: 'Hibernate', To_Account: 'u1' } })).toMatchObject({
        type: 'provider.unknown',
        data: { vendorType: 'State.StateChange' },
      });
    });
  });
  describe('relations', () => {
    it('reads both follow shapes', () => {
      expect(
        first('Follow.CallbackAfterFollowAdd', {
          From_Account: 'a',
          FollowList: [{ To_Account: 'b' }, { To_Account: 'c' }],
        }).subjects,
      ).toEqual(['b', 'c']);
      expect(
        first('Follow.CallbackAfterFollowDelete', { From_Account: 'a', To_Account: ['b', 'c'] }),
      ).toMatchObject({ type: 'follow.removed', actor: 'a', subjects: ['b', 'c'] });
    });

    it('allows each pair of a friend pre-callback through ResultItem', () => {
      const body = {
        Requester_Account: 'a',
        From_Account: 'a',
        FriendItem: [{ To_Account: 'b', AddWording: 'hi' }, { To_Account: 'c' }],
        AddType: 'Add_Type_Both',
      };
      const result = run('Sns.CallbackPrevFriendAdd', body);
      expect(result.events[0]).toMatchObject({ type: 'contact.requested', actor: 'a', subjects: ['b', 'c'] });
      expect(result.reply).toEqual({
        status: 200,
        body: {
          ActionStatus: 'OK',
          ErrorCode: 0,
          ErrorInfo: '',
          ResultItem: [
            { To_Account: 'b', ResultCode: 0, ResultInfo: '' },
            { To_Account: 'c', ResultCode: 0, ResultInfo: '' },
          ],
        },
      });
      const response = run('Sns.CallbackPrevFriendResponse', {
        From_Account: 'b',
        ResponseFriendItem: [{ To_Account: 'a', ResponseAction: 'Response_Action_AgreeAndAdd' }],
      });
      expect(response.events[0]?.type).toBe('contact.response.requested');
      expect((response.reply?.body as { ResultItem: unknown[] }).ResultItem).toEqual([
        { To_Account: 'a', ResultCode: 0, ResultInfo: '' },
      ]);
    });
  });
});
