import type { VendorApiLimit } from '@im-gateway/types';

/** `batchsendmsg` takes at most 500 accounts (tencent.md §4.2, error 90011). */
export const TENCENT_BATCH_SIZE = 500;
/** Targeted group receivers (`To_Account` of `send_group_msg`), tencent.md §4.2. */
export const TENCENT_MAX_TARGETED = 50;

/**
 * Per-app limits (tencent.md §4.2–4.3): 200 calls/s per API; `batchsendmsg` also 12 000 messages/min
 * counted per recipient. The 40 messages/s per group is per group, not per app: the vendor drops the excess
 * with `MsgDropReason`, which the client retries.
 */
export const TENCENT_API_LIMITS: readonly VendorApiLimit[] = [
  { api: 'openim/sendmsg', unit: 'calls', points: 200, perSeconds: 1 },
  { api: 'openim/batchsendmsg', unit: 'calls', points: 200, perSeconds: 1 },
  { api: 'openim/batchsendmsg', unit: 'messages', points: 12_000, perSeconds: 60 },
  { api: 'group_open_http_svc/send_group_msg', unit: 'calls', points: 200, perSeconds: 1 },
  { api: 'openim/admin_msgwithdraw', unit: 'calls', points: 200, perSeconds: 1 },
  { api: 'group_open_http_svc/group_msg_recall', unit: 'calls', points: 200, perSeconds: 1 },
];
