import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { randomUint32 } from '../common/id-generator.js';
import { ok, refuse, TencentFailure } from './tencent-errors.js';
import { existingGroup } from './tencent-group.lookup.js';
import { isUint32, validateMsgBody } from './tencent-msgbody.validation.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentHistoryRecord } from './tencent.types.js';

const MAX_GROUP_IMPORT = 7; // import_group_msg, current page and CN cross-check (§1.9)
// import_group_msg takes only these elements (§1.9); importmsg takes all eight (§1.16).
const GROUP_IMPORT_ELEMENTS = new Set(['TIMTextElem', 'TIMFaceElem', 'TIMLocationElem', 'TIMCustomElem']);
const DUPLICATE_RANDOM_SECONDS = 300; // same Random within 5 minutes: the later one is dropped

/** Sorted insert: one-to-one history is ordered by time, then by MsgSeq within a second (§1.16). */
function insertOrdered(list: TencentHistoryRecord[], record: TencentHistoryRecord): void {
  let i = list.length;
  while (i > 0) {
    const prev = list[i - 1] as TencentHistoryRecord;
    if (prev.MsgTimeStamp < record.MsgTimeStamp) break;
    if (prev.MsgTimeStamp === record.MsgTimeStamp && prev.MsgSeq <= record.MsgSeq) break;
    i--;
  }
  list.splice(i, 0, record);
}

/** `importmsg` (§1.16) and `import_group_msg` (§1.9). Neither fires callbacks. */
export function registerTencentHistoryImportRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/openim/importmsg', 200, ({ app, identifier, body }) => {
    const sync = body['SyncFromOldSystem'];
    if (sync === undefined) refuse(90030, 'SyncFromOldSystem is missing');
    if (sync !== 2 && sync !== 5) refuse(90030, 'SyncFromOldSystem must be 2 (history) or 5 (live import)');
    const from = body['From_Account'];
    if (typeof from !== 'string' || from === '') refuse(90008, 'From_Account is missing or invalid');
    const to = body['To_Account'];
    if (typeof to !== 'string' || to === '') refuse(90003, 'To_Account is missing or invalid');
    if (!ctx.knownAccount(app, from, identifier)) refuse(90048, `user ${from} does not exist`);
    if (!ctx.knownAccount(app, to, identifier)) refuse(90012, `To_Account ${to} is not imported`);
    if (!isUint32(body['MsgRandom'])) refuse(90005, 'MsgRandom is missing or not an integer');
    if (!Number.isInteger(body['MsgTimeStamp'])) refuse(90006, 'MsgTimeStamp is missing or not an integer');
    const seqField = body['MsgSeq'];
    if (seqField !== undefined && !isUint32(seqField)) refuse(90001, 'MsgSeq must be a uint32');
    try {
      validateMsgBody(body['MsgBody'], body['CloudCustomData']);
    } catch (error) {
      // importmsg names 93000 for a body over 12 KB.
      if (error instanceof TencentFailure && error.result.ErrorCode === 80002)
        refuse(93000, 'the body is over 12 KB');
      throw error;
    }
    const record: TencentHistoryRecord = {
      From_Account: from,
      To_Account: to,
      MsgTimeStamp: body['MsgTimeStamp'] as number,
      MsgSeq: (seqField as number | undefined) ?? randomUint32(),
      MsgRandom: body['MsgRandom'] as number,
      MsgBody: body['MsgBody'] as unknown[],
      ...(typeof body['CloudCustomData'] === 'string' ? { CloudCustomData: body['CloudCustomData'] } : {}),
      imported: true,
      recalled: false,
    };
    const conversation = ctx.conversation(app, from, to);
    // Same (MsgSeq, MsgRandom, MsgTimeStamp) in the conversation, either direction: a duplicate; the first wins.
    const duplicate = conversation.some(
      (m) =>
        m.MsgSeq === record.MsgSeq &&
        m.MsgRandom === record.MsgRandom &&
        m.MsgTimeStamp === record.MsgTimeStamp,
    );
    if (!duplicate) insertOrdered(conversation, record);
    return ok();
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/import_group_msg', 200, ({ app, identifier, body }) => {
    const groupId = body['GroupId'];
    const group = existingGroup(app, groupId, false);
    const list = body['MsgList'];
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_GROUP_IMPORT)
      refuse(10004, `MsgList must hold 1 to ${MAX_GROUP_IMPORT} messages`);
    for (const m of list) {
      if (!isObject(m) || typeof m['From_Account'] !== 'string' || m['From_Account'] === '')
        refuse(10004, 'each message needs From_Account');
      if (!Number.isInteger(m['SendTime'])) refuse(10004, 'each message needs an integer SendTime');
      if (m['Random'] !== undefined && !isUint32(m['Random'])) refuse(10004, 'Random must be a uint32');
      if (!ctx.knownAccount(app, m['From_Account'] as string, identifier))
        refuse(10004, `From_Account ${String(m['From_Account'])} is not imported`);
      const body = m['MsgBody'];
      if (!Array.isArray(body) || body.length === 0) refuse(10004, 'each message needs a MsgBody');
      for (const element of body) {
        const type = isObject(element) ? element['MsgType'] : undefined;
        if (typeof type !== 'string' || !GROUP_IMPORT_ELEMENTS.has(type))
          refuse(
            10004,
            `import_group_msg takes only TIMTextElem, TIMFaceElem, TIMLocationElem, TIMCustomElem, not ${String(type)}`,
          );
      }
    }
    const now = Math.floor(ctx.now() / 1000);
    const ImportMsgResult = (list as Record<string, unknown>[]).map((m) => {
      const time = m['SendTime'] as number;
      const newest = group.history.at(-1)?.MsgTimeStamp ?? 0;
      const tooOld = ctx.strictGroupImportOrder ? time <= newest : time < newest;
      // Later than the group's creation and the newest message in the group, earlier than now.
      if (time >= now || time <= group.createTime || tooOld)
        return { MsgSeq: 0, MsgTime: time, Result: 10004 };
      try {
        validateMsgBody(m['MsgBody'], m['CloudCustomData']);
      } catch (error) {
        if (error instanceof TencentFailure && error.result.ErrorCode === 80002)
          return { MsgSeq: 0, MsgTime: time, Result: 80002 };
        throw error;
      }
      const random = m['Random'] as number | undefined;
      // Two messages with the same Random within 5 minutes: the later one is dropped as a duplicate.
      const earlier =
        random === undefined
          ? undefined
          : group.history.find(
              (h) => h.MsgRandom === random && Math.abs(h.MsgTimeStamp - time) <= DUPLICATE_RANDOM_SECONDS,
            );
      if (earlier) return { MsgSeq: earlier.MsgSeq, MsgTime: time, Result: 0 };
      group.seq += 1;
      group.history.push({
        From_Account: m['From_Account'] as string,
        GroupId: groupId as string,
        MsgTimeStamp: time,
        MsgSeq: group.seq,
        MsgRandom: random ?? randomUint32(),
        MsgBody: m['MsgBody'] as unknown[],
        ...(typeof m['CloudCustomData'] === 'string' ? { CloudCustomData: m['CloudCustomData'] } : {}),
        imported: true,
        recalled: false,
      });
      return { MsgSeq: group.seq, MsgTime: time, Result: 0 };
    });
    return ok({ ImportMsgResult });
  });
}
