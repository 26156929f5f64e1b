import type { FastifyInstance } from 'fastify';
import { ok, refuse } from './tencent-errors.js';
import { existingGroup } from './tencent-group.lookup.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentHistoryRecord } from './tencent.types.js';

const ROAMING_SECONDS = 7 * 86_400; // default roaming storage (§1.17, §1.21)
const MAX_RESPONSE_BYTES = 13 * 1024; // admin_getroammsg answers at most 13 KB
const MAX_GROUP_PAGE = 20; // group_msg_get_simple

const isRecalled = (m: TencentHistoryRecord) => m.recalled || m.live?.recalled === true;
const msgKey = (m: TencentHistoryRecord) => `${m.MsgSeq}_${m.MsgRandom}_${m.MsgTimeStamp}`;

/** admin_getroammsg (§1.17) and group_msg_get_simple (§1.18): history reads by conversation. */
export function registerTencentHistoryExportRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/openim/admin_getroammsg', 200, ({ app, body }) => {
    const operator = body['Operator_Account'];
    const peer = body['Peer_Account'];
    if (typeof operator !== 'string' || operator === '') refuse(90008, 'Operator_Account is missing');
    if (typeof peer !== 'string' || peer === '') refuse(90003, 'Peer_Account is missing');
    const [maxCnt, minTime, maxTime] = [body['MaxCnt'], body['MinTime'], body['MaxTime']];
    if (!Number.isInteger(maxCnt) || (maxCnt as number) < 1)
      refuse(90001, 'MaxCnt must be a positive integer');
    if (!Number.isInteger(minTime) || !Number.isInteger(maxTime))
      refuse(90001, 'MinTime and MaxTime are required');
    const oldest = Math.floor(ctx.now() / 1000) - ROAMING_SECONDS;
    // Newest first; a continuation starts after `LastMsgKey` (its MaxTime is the previous LastMsgTime).
    let list = (app.c2c.get(operator < peer ? `${operator}|${peer}` : `${peer}|${operator}`) ?? [])
      .filter(
        (m) => m.MsgTimeStamp >= Math.max(minTime as number, oldest) && m.MsgTimeStamp <= (maxTime as number),
      )
      .reverse();
    const last = body['LastMsgKey'];
    if (typeof last === 'string' && last !== '') {
      const at = list.findIndex((m) => msgKey(m) === last);
      if (at >= 0) list = list.slice(at + 1);
    }
    const page: Record<string, unknown>[] = [];
    let size = 0;
    for (const m of list) {
      if (page.length >= (maxCnt as number)) break;
      const item = {
        From_Account: m.From_Account,
        To_Account: m.To_Account,
        MsgSeq: m.MsgSeq,
        MsgRandom: m.MsgRandom,
        MsgTimeStamp: m.MsgTimeStamp,
        // Recalled messages are included, flagged 8 (§1.17).
        MsgFlagBits: isRecalled(m) ? 8 : 0,
        IsPeerRead: 0,
        MsgKey: msgKey(m),
        MsgBody: m.MsgBody,
        CloudCustomData: m.CloudCustomData ?? '',
      };
      size += Buffer.byteLength(JSON.stringify(item));
      if (page.length > 0 && size > MAX_RESPONSE_BYTES) break;
      page.push(item);
    }
    const complete = page.length === list.length;
    const tail = page.at(-1);
    return ok({
      Complete: complete ? 1 : 0,
      MsgCnt: page.length,
      LastMsgTime: tail?.['MsgTimeStamp'] ?? 0,
      LastMsgKey: tail?.['MsgKey'] ?? '',
      MsgList: page,
    });
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/group_msg_get_simple', 200, ({ app, body }) => {
    const groupId = body['GroupId'];
    const group = existingGroup(app, groupId, false);
    const number = body['ReqMsgNumber'];
    if (!Number.isInteger(number) || (number as number) < 1)
      refuse(10004, 'ReqMsgNumber must be a positive integer');
    const upTo = body['ReqMsgSeq'] === undefined ? group.seq : Number(body['ReqMsgSeq']);
    if (!Number.isInteger(upTo)) refuse(10004, 'ReqMsgSeq must be an integer');
    const withRecalled = body['WithRecalledMsg'] === 1;
    const oldest = Math.floor(ctx.now() / 1000) - ROAMING_SECONDS;
    const want = Math.min(number as number, MAX_GROUP_PAGE);
    const candidates = group.history
      .filter((m) => m.MsgSeq <= upTo && (withRecalled || !isRecalled(m)))
      .reverse();
    const page = candidates.slice(0, want);
    const RspMsgList = page.map((m) => {
      const expired = m.MsgTimeStamp < oldest;
      return {
        From_Account: m.From_Account,
        // 1: a hole (deleted or expired, empty body); 2: recalled.
        IsPlaceMsg: expired ? 1 : isRecalled(m) ? 2 : 0,
        IsSystemMsg: 0,
        MsgBody: expired ? [] : m.MsgBody,
        MsgPriority: 1,
        MsgRandom: m.MsgRandom,
        MsgSeq: m.MsgSeq,
        MsgTimeStamp: m.MsgTimeStamp,
        ...(m.CloudCustomData !== undefined && !expired ? { CloudCustomData: m.CloudCustomData } : {}),
      };
    });
    return ok({ GroupId: groupId, IsFinished: page.length === candidates.length ? 1 : 0, RspMsgList });
  });
}
