import { describe, expect, it } from '@jest/globals';
import { fixtureBody, first, run } from '../../test/tencent-variants.js';

/** Hand-made variants of the vendor shapes (tencent.md §1.6, §2.1); see test/tencent-variants.ts. */
describe('Tencent group message callbacks', () => {
  describe('group messages', () => {
    it('reads @all from GroupAt_AllFlag and @RM_ALL as well as GroupAtAllFlag', () => {
      const base = fixtureBody('Group.CallbackAfterSendMsg');
      expect(
        first('Group.CallbackAfterSendMsg', { ...base, GroupAtInfo: [{ GroupAt_AllFlag: 1 }] }).message
          ?.mentions,
      ).toEqual({ all: true, users: [] });
      expect(
        first('Group.CallbackAfterSendMsg', {
          ...base,
          GroupAtInfo: [{ GroupAt_Account: '@RM_ALL' }, { GroupAt_Account: 'bob' }],
        }).message?.mentions,
      ).toEqual({ all: true, users: ['bob'] });
      expect(
        first('Group.CallbackAfterSendMsg', { ...base, GroupAtInfo: undefined }).message?.mentions,
      ).toBeUndefined();
    });

    it('ids a group message GroupId:MsgSeq and dedupes on it, MsgSeq sent as a string', () => {
      const result = run('Group.CallbackAfterSendMsg', {
        ...fixtureBody('Group.CallbackAfterSendMsg'),
        MsgSeq: '124',
      });
      expect(result.events[0]?.message?.id).toBe('@TGS#2J4SZEAEL:124');
      expect(result.dedupeKey).toBe('Group.CallbackAfterSendMsg:@TGS#2J4SZEAEL:124');
    });

    it('publishes a failed group delivery as message.send.failed', () => {
      const event = first('Group.CallbackSendMsgException', {
        GroupId: 'g',
        From_Account: 'a',
        MsgSeq: 5,
        ErrorCode: 10023,
        ErrorInfo: 'freq',
      });
      expect(event).toMatchObject({ type: 'message.send.failed', data: { ok: false, errorCode: 10023 } });
    });
  });
});
