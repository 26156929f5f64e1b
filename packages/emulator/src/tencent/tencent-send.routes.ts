import type { FastifyInstance } from 'fastify';
import { randomUint32 } from '../common/id-generator.js';
import { tencentBeforeSend } from './tencent-before-callback.js';
import { c2cRepeatKey, rememberSend, repeatedAnswer } from './tencent-send.dedup.js';
import { ok, refuse } from './tencent-errors.js';
import { isUint32, validateMsgBody } from './tencent-msgbody.validation.js';
import { tencentRoute, type TencentCall } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { RecordedMessage } from '../common/message-store.js';

const MAX_BATCH = 500; // batchsendmsg To_Account (tencent.md §4.2) → 90011
const MAX_LIFETIME = 604_800; // MsgLifeTime ≤ 7 days → 90026

export const isIdList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((id) => typeof id === 'string' && id.length > 0);

export const forbidsAfterCallback = (body: Record<string, unknown>) =>
  Array.isArray(body['ForbidCallbackControl']) &&
  body['ForbidCallbackControl'].includes('ForbidAfterSendMsgCallback');

/** Shared checks of sendmsg and batchsendmsg; returns sender, MsgRandom and element types. */
function checkC2C(ctx: TencentContext, { app, identifier, body }: TencentCall) {
  const from = body['From_Account'] ?? identifier;
  if (typeof from !== 'string' || from === '') refuse(90008, 'From_Account is invalid');
  if (!isUint32(body['MsgRandom'])) refuse(90005, 'MsgRandom is missing or not a uint32');
  const lifetime = body['MsgLifeTime'];
  if (
    lifetime !== undefined &&
    !(Number.isInteger(lifetime) && (lifetime as number) >= 0 && (lifetime as number) <= MAX_LIFETIME)
  ) {
    refuse(90026, 'MsgLifeTime must be between 0 and 604800 seconds');
  }
  const types = validateMsgBody(body['MsgBody'], body['CloudCustomData']);
  ctx.requireAccount(app, from, identifier);
  const seq = isUint32(body['MsgSeq']) ? body['MsgSeq'] : randomUint32();
  return { from, random: body['MsgRandom'] as number, seq, types };
}

export function registerTencentSendRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/openim/sendmsg', 200, async (request) => {
    const to = request.body['To_Account'];
    if (typeof to !== 'string' || to === '') refuse(90003, 'To_Account is missing or invalid');
    const { from, random, seq, types: requested } = checkC2C(ctx, request);
    ctx.requireAccount(request.app, to, request.identifier);
    const now = ctx.now();
    // A repeat of a message just taken (the caller's retry after a lost answer) is dropped (tencent.md §4.2).
    const repeatKey = c2cRepeatKey(from, to, seq, request.body);
    const repeat = repeatedAnswer(request.app, 'c2c', repeatKey, now);
    if (repeat) return ok(repeat);
    const msgTime = Math.floor(now / 1000);
    // MsgKey is opaque; the vendor's callbacks show MsgSeq_MsgRandom_MsgTime (tencent.md §4.2 notes).
    const msgKey = `${seq}_${random}_${msgTime}`;
    // The before-send callback decides first (tencent.md §1.5): refused → the caller's error, dropped →
    // "success" with nothing stored, modified → everything below sees the modified message.
    const verdict = await tencentBeforeSend(
      ctx,
      request,
      'C2C.CallbackBeforeSendMsg',
      {
        From_Account: from,
        To_Account: to,
        MsgSeq: seq,
        MsgRandom: random,
        MsgTime: msgTime,
        MsgKey: msgKey,
        OnlineOnlyFlag: request.body['MsgLifeTime'] === 0 ? 1 : 0,
        MsgBody: request.body['MsgBody'],
        ...(request.body['CloudCustomData'] !== undefined
          ? { CloudCustomData: request.body['CloudCustomData'] }
          : {}),
      },
      requested,
    );
    const answer = rememberSend(request.app, 'c2c', repeatKey, now, { MsgTime: msgTime, MsgKey: msgKey });
    if (verdict.dropped) return ok(answer);
    const { call, types } = verdict;
    const live = recordTencentMessage(ctx, call, '/v4/openim/sendmsg', msgKey, from, to, types, now);
    keepC2CHistory(ctx, call, { from, to, seq, random, msgTime, live });
    const unread = (call.app.unread.get(to) ?? 0) + 1;
    call.app.unread.set(to, unread);
    if (!forbidsAfterCallback(call.body)) {
      ctx.fire(
        call.app,
        'C2C.CallbackAfterSendMsg',
        {
          From_Account: from,
          To_Account: to,
          MsgSeq: seq,
          MsgRandom: random,
          MsgTime: msgTime,
          MsgKey: msgKey,
          OnlineOnlyFlag: call.body['MsgLifeTime'] === 0 ? 1 : 0,
          SendMsgResult: 0,
          ErrorInfo: 'send msg succeed',
          UnreadMsgNum: unread,
          MsgBody: call.body['MsgBody'],
          ...(call.body['CloudCustomData'] !== undefined
            ? { CloudCustomData: call.body['CloudCustomData'] }
            : {}),
        },
        call.request.ip,
      );
    }
    return ok({ MsgTime: msgTime, MsgKey: msgKey });
  });

  // batchsendmsg never triggers callbacks (tencent.md §1.5); unknown recipients are partial failures.
  tencentRoute(server, ctx, '/v4/openim/batchsendmsg', 200, (call) => {
    const recipients = call.body['To_Account'];
    if (!isIdList(recipients) || recipients.length === 0)
      refuse(90003, 'To_Account must be a non-empty array');
    if (recipients.length > MAX_BATCH) refuse(90011, `To_Account holds more than ${MAX_BATCH} accounts`);
    const { from, random, seq, types } = checkC2C(ctx, call);
    const now = ctx.now();
    const msgTime = Math.floor(now / 1000);
    const msgKey = `${seq}_${random}_${msgTime}`;
    const errors: { To_Account: string; ErrorCode: number }[] = [];
    for (const to of recipients) {
      if (!ctx.knownAccount(call.app, to, call.identifier)) {
        errors.push({ To_Account: to, ErrorCode: 70107 });
        continue;
      }
      const live = recordTencentMessage(ctx, call, '/v4/openim/batchsendmsg', msgKey, from, to, types, now);
      keepC2CHistory(ctx, call, { from, to, seq, random, msgTime, live });
    }
    if (errors.length === 0) return ok({ MsgKey: msgKey });
    if (errors.length === recipients.length) {
      return { ActionStatus: 'FAIL', ErrorInfo: 'no recipient exists', ErrorCode: 90012, ErrorList: errors };
    }
    return { ActionStatus: 'SomeError', ErrorCode: 0, ErrorInfo: '', MsgKey: msgKey, ErrorList: errors };
  });
}

/** Live messages join the conversation's history, so history reads and exports show them too. */
function keepC2CHistory(
  ctx: TencentContext,
  call: TencentCall,
  m: { from: string; to: string; seq: number; random: number; msgTime: number; live: RecordedMessage },
): void {
  const ccd = call.body['CloudCustomData'];
  ctx.keepLive(call.app, ctx.conversation(call.app, m.from, m.to), {
    From_Account: m.from,
    To_Account: m.to,
    MsgTimeStamp: m.msgTime,
    MsgSeq: m.seq,
    MsgRandom: m.random,
    MsgBody: call.body['MsgBody'] as unknown[],
    ...(typeof ccd === 'string' ? { CloudCustomData: ccd } : {}),
    imported: false,
    recalled: false,
    live: m.live,
  });
}

/** Logs an accepted message for inspection and recall; answers the log entry. */
export function recordTencentMessage(
  ctx: TencentContext,
  call: TencentCall,
  route: string,
  id: string,
  from: string,
  to: string,
  types: string[],
  now: number,
): RecordedMessage {
  const message: RecordedMessage = {
    vendor: 'tencent',
    app: String(call.app.sdkAppId),
    route,
    id,
    chatType: route.includes('group') ? 'Group' : 'C2C',
    from,
    to,
    type: types.join('+'),
    body: call.body['MsgBody'] ?? call.body['Content'],
    ext: call.body['CloudCustomData'],
    receivedAt: now,
    recalled: false,
    request: call.body,
  };
  ctx.store.add(message);
  return message;
}
