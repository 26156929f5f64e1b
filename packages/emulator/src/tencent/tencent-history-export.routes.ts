import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { fail, ok, refuse } from './tencent-errors.js';
import { existingGroup } from './tencent-directory-groups.routes.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentApp, TencentHistoryRecord } from './tencent.types.js';

const ROAMING_SECONDS = 7 * 86_400; // default roaming storage (§1.17, §1.21)
const MAX_RESPONSE_BYTES = 13 * 1024; // admin_getroammsg answers at most 13 KB
const MAX_GROUP_PAGE = 20; // group_msg_get_simple
const FILE_DAYS = 7; // get_history files live 7 days
/**
 * `get_history`'s `MsgTime` time zone is not in the docs. The doc's example file is for "2015120121" and its
 * first message is at 1448974806 = 2015-12-01 13:00:06 UTC = 21:00:06 in UTC+8, so hours are Beijing time.
 */
export const HISTORY_HOUR_OFFSET_SECONDS = 8 * 3600;

const isRecalled = (m: TencentHistoryRecord) => m.recalled || m.live?.recalled === true;
const msgKey = (m: TencentHistoryRecord) => `${m.MsgSeq}_${m.MsgRandom}_${m.MsgTimeStamp}`;

/** `YYYYMMDDHH` (UTC+8) → the hour's first second, or undefined when malformed. */
export function historyHourStart(msgTime: unknown): number | undefined {
  if (typeof msgTime !== 'string' || !/^\d{10}$/.test(msgTime)) return undefined;
  const [y, mo, d, h] = [
    msgTime.slice(0, 4),
    msgTime.slice(4, 6),
    msgTime.slice(6, 8),
    msgTime.slice(8, 10),
  ].map(Number);
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h);
  const date = new Date(ms);
  if (date.getUTCHours() !== h || date.getUTCDate() !== d) return undefined;
  return ms / 1000 - HISTORY_HOUR_OFFSET_SECONDS;
}

/** The documented file layout: a header line, one message per line followed by a comma, then `]}`. */
function historyFile(app: TencentApp, chatType: 'C2C' | 'Group', msgTime: string, start: number): string {
  const inHour = (m: TencentHistoryRecord) => m.MsgTimeStamp >= start && m.MsgTimeStamp < start + 3600;
  const lines: string[] = [];
  if (chatType === 'C2C') {
    const all = [...app.c2c.values()].flat().filter(inHour);
    all.sort((a, b) => a.MsgTimeStamp - b.MsgTimeStamp);
    for (const m of all)
      lines.push(
        JSON.stringify({
          From_Account: m.From_Account,
          To_Account: m.To_Account,
          MsgTimestamp: m.MsgTimeStamp,
          MsgSeq: m.MsgSeq,
          MsgRandom: m.MsgRandom,
          MsgBody: m.MsgBody,
          ...(m.CloudCustomData !== undefined ? { CloudCustomData: m.CloudCustomData } : {}),
        }),
      );
  } else {
    // AVChatRoom keeps no history (§1.9, §1.18).
    const all = [...app.groups.values()]
      .filter((g) => g.type !== 'AVChatRoom')
      .flatMap((g) => g.history.filter(inHour));
    all.sort((a, b) => a.MsgTimeStamp - b.MsgTimeStamp);
    for (const m of all)
      lines.push(
        JSON.stringify({
          From_Account: m.From_Account,
          GroupId: m.GroupId,
          MsgTimestamp: m.MsgTimeStamp,
          MsgSeq: m.MsgSeq,
          MsgBody: m.MsgBody,
          ...(m.CloudCustomData !== undefined ? { CloudCustomData: m.CloudCustomData } : {}),
        }),
      );
  }
  if (lines.length === 0) return '';
  const head = `{"SdkAppId":${app.sdkAppId},"ChatType":"${chatType}","MsgTime":"${msgTime}","MsgList":[`;
  return [head, ...lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l)), ']}'].join('\n');
}

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

/** admin_getroammsg (§1.17), group_msg_get_simple (§1.18), get_history (§1.19) and its file downloads. */
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

  // 10 calls/s (§1.19).
  tencentRoute(server, ctx, '/v4/open_msg_svc/get_history', 10, ({ app, body, request }) => {
    const chatType = body['ChatType'];
    if (chatType !== 'C2C' && chatType !== 'Group') return fail(1002, 'ChatType must be C2C or Group');
    const start = historyHourStart(body['MsgTime']);
    if (start === undefined) return fail(1002, 'MsgTime must be YYYYMMDDHH');
    const now = Math.floor(ctx.now() / 1000);
    if (start + 3600 <= now - FILE_DAYS * 86_400) return fail(1005, 'the file has expired');
    if (now < start + 3600 + ctx.historyFileDelayHours * 3600)
      return fail(1004, 'the file is not generated yet');
    const content = historyFile(app, chatType, body['MsgTime'] as string, start);
    if (content === '') return fail(1004, 'no messages in that hour');
    const gzip = gzipSync(content);
    const base = `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;
    const URL = `${base}/_files/history/${app.sdkAppId}/${chatType}/${body['MsgTime'] as string}.gz`;
    return ok({
      File: [
        {
          URL,
          ExpireTime: new Date((now + 3600) * 1000).toISOString(),
          FileSize: Buffer.byteLength(content),
          FileMD5: md5(content),
          GzipSize: gzip.length,
          GzipMD5: md5(gzip),
        },
      ],
    });
  });

  // The download behind get_history's URL: the gzip file, built from the app's history when asked.
  server.get('/_files/history/:app/:chatType/:file', async (request, reply) => {
    const params = request.params as Record<string, string>;
    const app = ctx.apps.get(Number(params['app']));
    const msgTime = (params['file'] ?? '').replace(/\.gz$/, '');
    const start = historyHourStart(msgTime);
    const chatType = params['chatType'];
    if (!app || start === undefined || (chatType !== 'C2C' && chatType !== 'Group'))
      return reply.code(404).send();
    const content = historyFile(app, chatType, msgTime, start);
    return reply.header('content-type', 'application/gzip').send(gzipSync(content));
  });
}
