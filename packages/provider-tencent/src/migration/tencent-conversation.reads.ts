import { records, type Json, type TencentCall } from './tencent-migration.calls.js';

/**
 * One page of each per-conversation history read, shared by the history writer (which reads to dedupe) and
 * reconciliation (which reads to recover). The records come back exactly as Tencent sent them.
 */

const ROAM_PAGE = 100; // admin_getroammsg MaxCnt: the maximum is not documented
const GROUP_PAGE = 20; // group_msg_get_simple answers at most 20 (§1.18)

/** One side's view of a one-to-one conversation over [minTime, maxTime] seconds, both inclusive. */
export interface RoamingQuery {
  operator: string;
  peer: string;
  minTime: number;
  maxTime: number;
}

/** Where the next page starts: the previous answer's LastMsgTime and LastMsgKey (§1.17). */
export interface RoamingContinuation {
  maxTime: number;
  lastMsgKey: string;
}

/**
 * One page of `admin_getroammsg` (§1.17), newest first; `next` is null once `Complete` is 1. Recalled
 * messages are included, marked `MsgFlagBits` 8.
 */
export async function roamingPage(
  call: TencentCall,
  query: RoamingQuery,
  after: RoamingContinuation | null,
): Promise<{ records: Json[]; next: RoamingContinuation | null }> {
  const answer = await call('openim/admin_getroammsg', {
    Operator_Account: query.operator,
    Peer_Account: query.peer,
    MaxCnt: ROAM_PAGE,
    MinTime: query.minTime,
    MaxTime: after?.maxTime ?? query.maxTime,
    ...(after ? { LastMsgKey: after.lastMsgKey } : {}),
  });
  const list = records(answer.MsgList);
  // An empty page that says it is incomplete would ask the same question forever: it ends the read.
  if (Number(answer.Complete ?? 1) === 1 || list.length === 0) return { records: list, next: null };
  return {
    records: list,
    next: { maxTime: Number(answer.LastMsgTime), lastMsgKey: String(answer.LastMsgKey) },
  };
}

/**
 * One page of `group_msg_get_simple` (§1.18) with recalled messages (`IsPlaceMsg` 2; holes are 1): the
 * newest messages with MsgSeq ≤ `upToSeq` (the newest of all when null), newest first. `next` is the MsgSeq
 * to ask for next, null when the group has nothing older. The items carry no GroupId.
 */
export async function groupPage(
  call: TencentCall,
  groupId: string,
  upToSeq: number | null,
): Promise<{ records: Json[]; next: number | null }> {
  const answer = await call('group_open_http_svc/group_msg_get_simple', {
    GroupId: groupId,
    ReqMsgNumber: GROUP_PAGE,
    WithRecalledMsg: 1,
    ...(upToSeq === null ? {} : { ReqMsgSeq: upToSeq }),
  });
  const list = records(answer.RspMsgList);
  const oldest = list.at(-1);
  if (!oldest || Number(answer.IsFinished) === 1 || Number(oldest.MsgSeq) <= 1)
    return { records: list, next: null };
  return { records: list, next: Number(oldest.MsgSeq) - 1 };
}
