import { describe, expect, it } from '@jest/globals';
import { fixtureBody, first } from '../../test/tencent-variants.js';

/** Hand-made variants of the vendor shapes (tencent.md §1.6, §2.1); see test/tencent-variants.ts. */
describe('Tencent one-to-one callbacks', () => {
  describe('one-to-one messages', () => {
    it('keeps a failed delivery as message.sent with data.ok false', () => {
      const event = first('C2C.CallbackAfterSendMsg', {
        ...fixtureBody('C2C.CallbackAfterSendMsg'),
        SendMsgResult: 80001,
        UnreadMsgNum: -1,
        ErrorInfo: 'dirty word',
      });
      expect(event.type).toBe('message.sent');
      expect(event.data).toMatchObject({
        ok: false,
        sendMsgResult: 80001,
        unreadMsgNum: -1,
        errorInfo: 'dirty word',
      });
    });

    it('composes From_To_MsgSeq_MsgRandom_MsgTime for 2019 bodies without MsgKey, with numbers sent as strings', () => {
      const event = first('C2C.CallbackAfterSendMsg', {
        From_Account: 'jared',
        To_Account: 'Jonh',
        MsgSeq: '48374',
        MsgRandom: 2837546,
        MsgTime: 1557481126,
        MsgBody: [],
      });
      expect(event.message?.id).toBe('jared_Jonh_48374_2837546_1557481126');
    });

    it('keeps the newer MsgId and parses CloudCustomData holding a JSON object', () => {
      const event = first('C2C.CallbackAfterSendMsg', {
        ...fixtureBody('C2C.CallbackAfterSendMsg'),
        MsgId: '144115233406643804-1727580296-4026038328',
        CloudCustomData: '{"orderId":7}',
      });
      expect(event.data.msgId).toBe('144115233406643804-1727580296-4026038328');
      expect(event.message?.ext).toEqual({ orderId: 7 });
    });

    it('reads a withdraw that carries EventTime instead of UnreadMsgNum (CN 2023-12)', () => {
      const event = first('C2C.CallbackAfterMsgWithDraw', {
        From_Account: 'jared',
        To_Account: 'Jonh',
        MsgKey: 'k1',
        EventTime: 1702598400000,
      });
      expect(event).toMatchObject({
        type: 'message.recalled',
        occurredAt: '2023-12-15T00:00:00.000Z',
        data: { messageIds: ['k1'] },
      });
    });
  });
});
