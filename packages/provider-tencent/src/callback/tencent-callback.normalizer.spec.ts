import { describe, expect, it } from '@jest/globals';
import { FIXTURE_NOW } from '../../test/tencent-fixtures.js';
import { fixtureBody, first, run } from '../../test/tencent-variants.js';
import { TENCENT_CALLBACK_COMMANDS, classifyTencentCallback } from './tencent-callback.classifier.js';

/** Hand-made variants of the vendor shapes (tencent.md §1.6, §2.1); see test/tencent-variants.ts. */
describe('Tencent callback normalizer', () => {
  describe('times', () => {
    it('reads EventTime in ms whether it is a number or a string', () => {
      const asString = first('Group.CallbackAfterNewMemberJoin', {
        GroupId: 'g',
        EventTime: '1670574414123',
      });
      const asNumber = first('Group.CallbackAfterNewMemberJoin', { GroupId: 'g', EventTime: 1670574414123 });
      expect(asString.occurredAt).toBe('2022-12-09T08:26:54.123Z');
      expect(asNumber.occurredAt).toBe('2022-12-09T08:26:54.123Z');
    });

    it('prefers EventTime (ms) over MsgTime (s) and keeps MsgTime as the message time', () => {
      const event = first('Group.CallbackAfterSendMsg', {
        ...fixtureBody('Group.CallbackAfterSendMsg'),
        EventTime: '1490686222456',
      });
      expect(event.occurredAt).toBe('2017-03-28T07:30:22.456Z');
      expect(event.message?.sentAt).toBe('2017-03-28T07:30:22.000Z');
    });

    it('falls back to MsgTime, then RequestTime, then the clock', () => {
      expect(
        first('C2C.CallbackAfterSendMsg', { From_Account: 'a', To_Account: 'b', MsgTime: '1557481126' })
          .occurredAt,
      ).toBe('2019-05-10T09:38:46.000Z');
      expect(
        first('Sns.CallbackFriendDelete', { PairList: [] }, { RequestTime: '1700000000' }).occurredAt,
      ).toBe('2023-11-14T22:13:20.000Z');
      expect(first('Sns.CallbackFriendDelete', { PairList: [] }).occurredAt).toBe(FIXTURE_NOW.toISOString());
    });

    it('reads the push results EventTime in seconds', () => {
      const result = run('Push.OfflinePush', {
        Events: [
          {
            CallbackCommand: 'Push.OfflinePush',
            EventTime: 1557481127,
            From_Account: 'user1',
            To_Account: 'user2',
          },
        ],
      });
      expect(result.events[0]).toMatchObject({
        occurredAt: '2019-05-10T09:38:47.000Z',
        actor: 'user1',
        subjects: ['user2'],
      });
    });

    it('ignores an EventTime that is not a plausible time', () => {
      expect(
        first('Group.CallbackAfterGroupFull', { GroupId: 'g', EventTime: 'soon', MsgTime: 1557481126 })
          .occurredAt,
      ).toBe('2019-05-10T09:38:46.000Z');
    });
  });
  describe('every callback', () => {
    it('answers every before-callback with an allow reply and no after-callback with one', () => {
      for (const command of TENCENT_CALLBACK_COMMANDS) {
        const spec = classifyTencentCallback(command);
        const { reply } = run(command, {});
        if (spec?.timing === 'before')
          expect(reply).toMatchObject({
            status: 200,
            body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
          });
        else expect(reply).toBeUndefined();
      }
    });

    it('publishes the .requested form for every before-callback', () => {
      for (const command of TENCENT_CALLBACK_COMMANDS.filter(
        (c) => classifyTencentCallback(c)?.timing === 'before',
      )) {
        expect(run(command, {}).events[0]?.type).toMatch(/\.requested$/);
      }
    });

    it('puts ClientIP and OptPlatform in the data of every event', () => {
      for (const command of [...TENCENT_CALLBACK_COMMANDS, 'Call.CallbackAfterNewCall']) {
        for (const event of run(command, {}).events)
          expect(event.data).toMatchObject({ clientIp: '10.0.0.1', optPlatform: 'iOS' });
      }
    });

    it('publishes an unknown command as provider.unknown, never an error', () => {
      const result = run('Group.CallbackSomethingNew', { GroupId: 'g' });
      expect(result.vendorKind).toBe('Group.CallbackSomethingNew');
      expect(result.events).toHaveLength(1);
      expect(result.events[0]).toMatchObject({
        type: 'provider.unknown',
        data: { vendorType: 'Group.CallbackSomethingNew' },
      });
    });

    it('routes on the query when the body does not repeat the command (ContentCallback, Push)', () => {
      expect(first('ContentCallback.ResultNotify', { From_Account: 'a', Result: 1 })).toMatchObject({
        type: 'message.moderated',
        actor: 'a',
      });
    });

    it('gives the same dedupe key to a retry and suffixes #n only when a callback yields several events', () => {
      const body = {
        Events: [
          { CallbackCommand: 'Push.OfflinePush', To_Account: 'a' },
          { CallbackCommand: 'Push.OfflinePush', To_Account: 'b' },
        ],
      };
      const once = run('Push.OfflinePush', body);
      const again = run('Push.OfflinePush', JSON.parse(JSON.stringify(body)) as Record<string, unknown>);
      expect(again.dedupeKey).toBe(once.dedupeKey);
      expect(once.events.map((e) => e.dedupeKey)).toEqual([`${once.dedupeKey}#1`, `${once.dedupeKey}#2`]);
      expect(once.events.map((e) => e.subjects)).toEqual([['a'], ['b']]);
      expect(run('Sns.CallbackFriendDelete', {}).events[0]?.dedupeKey).not.toContain('#');
    });
  });
});
