import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { ok, refuse } from './tencent-errors.js';
import { isUint32 } from './tencent-msgbody.validation.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';

const MAX_RECALL_SEQS = 10; // group_msg_recall MsgSeqList ≤ 10 (tencent.md §4.2)

export function registerTencentRecallRoutes(server: FastifyInstance, ctx: TencentContext): void {
  // admin_msgwithdraw: From_Account + To_Account + MsgKey; 20022 not found, 20023 already recalled.
  tencentRoute(server, ctx, '/v4/openim/admin_msgwithdraw', 200, ({ app, body, request }) => {
    const from = body['From_Account'];
    const to = body['To_Account'];
    const msgKey = body['MsgKey'];
    if (typeof from !== 'string' || from === '') refuse(90008, 'From_Account is missing');
    if (typeof to !== 'string' || to === '') refuse(90003, 'To_Account is missing');
    if (typeof msgKey !== 'string' || !/^\d+_\d+_\d+$/.test(msgKey)) refuse(90054, 'MsgKey is invalid');
    const message = ctx.store
      .list({ app: String(app.sdkAppId), to })
      .find((m) => m.chatType === 'C2C' && m.id === msgKey && m.from === from);
    if (!message) refuse(20022, 'the message to recall does not exist');
    if (message.recalled) refuse(20023, 'the message has already been recalled');
    message.recalled = true;
    ctx.fire(
      app,
      'C2C.CallbackAfterMsgWithDraw',
      { From_Account: from, To_Account: to, MsgKey: msgKey, UnreadMsgNum: app.unread.get(to) ?? 0 },
      request.ip,
    );
    return ok();
  });

  // group_msg_recall: per-MsgSeq result, 0 recalled or 10030 not found (rest_group_msg_recall.json).
  tencentRoute(
    server,
    ctx,
    '/v4/group_open_http_svc/group_msg_recall',
    200,
    ({ app, identifier, body, request }) => {
      const group = ctx.group(app, body['GroupId']);
      const groupId = body['GroupId'] as string;
      const list = body['MsgSeqList'];
      if (
        !Array.isArray(list) ||
        list.length === 0 ||
        list.length > MAX_RECALL_SEQS ||
        !list.every((item) => isObject(item) && isUint32(item['MsgSeq']))
      ) {
        refuse(10004, `MsgSeqList must hold 1 to ${MAX_RECALL_SEQS} { MsgSeq } items`);
      }
      const results = (list as { MsgSeq: number }[]).map(({ MsgSeq }) => {
        const message = ctx.store.get(String(app.sdkAppId), `${groupId}:${MsgSeq}`);
        if (!message || message.recalled) return { MsgSeq, RetCode: 10030 };
        message.recalled = true;
        return { MsgSeq, RetCode: 0 };
      });
      const recalled = results.filter((r) => r.RetCode === 0).map(({ MsgSeq }) => ({ MsgSeq }));
      if (recalled.length > 0) {
        ctx.fire(
          app,
          'Group.CallbackAfterRecallMsg',
          {
            Operator_Account: identifier,
            Type: group.type,
            GroupId: groupId,
            MsgSeqList: recalled,
            EventTime: Date.now(),
          },
          request.ip,
        );
      }
      return ok({ RecallRetList: results });
    },
  );
}
