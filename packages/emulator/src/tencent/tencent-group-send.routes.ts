import type { FastifyInstance } from 'fastify';
import { ok, refuse } from './tencent-errors.js';
import { isUint32, validateMsgBody } from './tencent-msgbody.validation.js';
import { tencentRoute } from './tencent-route.js';
import { tencentBeforeSend } from './tencent-before-callback.js';
import { groupRepeatKey, rememberSend, repeatedAnswer } from './tencent-send.dedup.js';
import { forbidsAfterCallback, isIdList, recordTencentMessage } from './tencent-send.routes.js';
import type { TencentContext } from './tencent.context.js';

const MAX_TARGETED = 50; // send_group_msg To_Account, targeted receivers (tencent.md §4.2)
const MAX_NOTICE_MEMBERS = 500; // send_group_system_notification ToMembers_Account
const GROUP_MSGS_PER_SECOND = 40; // per group (tencent.md §4.3)

/** send_group_msg and send_group_system_notification. */
export function registerTencentGroupSendRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/group_open_http_svc/send_group_msg', 200, async (request) => {
    const { app, identifier } = request;
    let { body } = request;
    const group = ctx.group(app, body['GroupId']);
    const groupId = body['GroupId'] as string;
    if (!isUint32(body['Random'])) refuse(10004, 'Random is missing or not a uint32');
    const from = body['From_Account'] ?? identifier;
    if (typeof from !== 'string' || from === '') refuse(10004, 'From_Account is invalid');
    const targeted = body['To_Account'];
    if (targeted !== undefined && (!isIdList(targeted) || targeted.length > MAX_TARGETED)) {
      refuse(10004, `To_Account must list at most ${MAX_TARGETED} members`);
    }
    const priority = body['MsgPriority'];
    if (priority !== undefined && !['High', 'Normal', 'Low'].includes(priority as string))
      refuse(10004, 'MsgPriority is invalid');
    const requested = validateMsgBody(body['MsgBody'], body['CloudCustomData']);
    ctx.requireAccount(app, from, identifier);
    const now = ctx.now();
    // A repeat of a message just taken (the caller's retry after a lost answer) is dropped (tencent.md §4.2).
    const repeatKey = groupRepeatKey(groupId, from, body);
    const repeat = repeatedAnswer(app, 'group', repeatKey, now);
    if (repeat) return ok(repeat);
    const msgTime = Math.floor(now / 1000);
    // Before delivery, so before a MsgSeq exists (tencent.md §2.1); the answer may refuse, drop or modify.
    const verdict = await tencentBeforeSend(
      ctx,
      request,
      'Group.CallbackBeforeSendMsg',
      {
        GroupId: groupId,
        Type: group.type,
        From_Account: from,
        Operator_Account: identifier,
        Random: body['Random'],
        OnlineOnlyFlag: body['OnlineOnlyFlag'] === 1 ? 1 : 0,
        MsgBody: body['MsgBody'],
        ...(body['CloudCustomData'] !== undefined ? { CloudCustomData: body['CloudCustomData'] } : {}),
        ...(body['TopicId'] !== undefined ? { TopicId: body['TopicId'] } : {}),
        EventTime: now,
      },
      requested,
    );
    group.seq += 1;
    const msgSeq = group.seq;
    const answer = { MsgTime: msgTime, MsgSeq: msgSeq };
    // A silent drop (ErrorCode 2) looks like success to the caller; the sequence number is spent.
    if (verdict.dropped) return ok(rememberSend(app, 'group', repeatKey, now, answer));
    const { call, types } = verdict;
    body = call.body;
    // Over 40 msgs/s in one group the vendor answers OK but drops the message (tencent.md §4.2).
    if (
      ctx.rateLimits &&
      !ctx.limiter.take(`${app.sdkAppId}|group|${groupId}`, GROUP_MSGS_PER_SECOND, 1000)
    ) {
      return ok({ ...answer, MsgDropReason: 'MsgFreqCtrl' });
    }
    const live = recordTencentMessage(
      ctx,
      call,
      '/v4/group_open_http_svc/send_group_msg',
      `${groupId}:${msgSeq}`,
      from,
      groupId,
      types,
      now,
    );
    // Live messages join the group's history, so history reads and exports show them too.
    const ccd = body['CloudCustomData'];
    ctx.keepLive(app, group.history, {
      From_Account: from,
      GroupId: groupId,
      MsgTimeStamp: msgTime,
      MsgSeq: msgSeq,
      MsgRandom: body['Random'] as number,
      MsgBody: body['MsgBody'] as unknown[],
      ...(typeof ccd === 'string' ? { CloudCustomData: ccd } : {}),
      imported: false,
      recalled: false,
      live,
    });
    if (!forbidsAfterCallback(body)) {
      ctx.fire(
        app,
        'Group.CallbackAfterSendMsg',
        {
          GroupId: groupId,
          Type: group.type,
          From_Account: from,
          Operator_Account: identifier,
          Random: body['Random'],
          MsgSeq: msgSeq,
          MsgTime: msgTime,
          OnlineOnlyFlag: body['OnlineOnlyFlag'] === 1 ? 1 : 0,
          MsgBody: body['MsgBody'],
          ...(body['CloudCustomData'] !== undefined ? { CloudCustomData: body['CloudCustomData'] } : {}),
          ...(body['GroupAtInfo'] !== undefined ? { GroupAtInfo: body['GroupAtInfo'] } : {}),
          ...(body['TopicId'] !== undefined ? { TopicId: body['TopicId'] } : {}),
          EventTime: now,
        },
        call.request.ip,
      );
    }
    return ok(rememberSend(app, 'group', repeatKey, now, answer));
  });

  let notices = 0;
  tencentRoute(server, ctx, '/v4/group_open_http_svc/send_group_system_notification', 200, (call) => {
    ctx.group(call.app, call.body['GroupId']);
    const content = call.body['Content'];
    if (typeof content !== 'string' || content === '') refuse(10004, 'Content is required');
    const members = call.body['ToMembers_Account'];
    if (members !== undefined && (!isIdList(members) || members.length > MAX_NOTICE_MEMBERS)) {
      refuse(10004, `ToMembers_Account must list at most ${MAX_NOTICE_MEMBERS} members`);
    }
    notices += 1;
    const groupId = call.body['GroupId'] as string;
    recordTencentMessage(
      ctx,
      call,
      '/v4/group_open_http_svc/send_group_system_notification',
      `${groupId}:notice:${notices}`,
      call.identifier,
      groupId,
      ['GroupSystemNotification'],
      ctx.now(),
    );
    return ok();
  });
}
