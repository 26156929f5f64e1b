import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { fail, ok } from './tencent-errors.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentApp, TencentHistoryRecord } from './tencent.types.js';

const FILE_DAYS = 7; // get_history files live 7 days
/**
 * `get_history`'s `MsgTime` time zone is not in the docs. The doc's example file is for "2015120121" and its
 * first message is at 1448974806 = 2015-12-01 13:00:06 UTC = 21:00:06 in UTC+8, so hours are Beijing time.
 */
export const HISTORY_HOUR_OFFSET_SECONDS = 8 * 3600;

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

/** get_history (§1.19): download URLs of the hourly log files, and the downloads. */
export function registerTencentHistoryFileRoutes(server: FastifyInstance, ctx: TencentContext): void {
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
