import type { VendorApiLimit } from '@im-gateway/types';

/** `batchsendmsg` takes at most 500 accounts (tencent.md §4.2, error 90011). */
export const TENCENT_BATCH_SIZE = 500;
/** Targeted group receivers (`To_Account` of `send_group_msg`), tencent.md §4.2. */
export const TENCENT_MAX_TARGETED = 50;

/**
 * The migration APIs (migration-apis §1.0–1.19): account import and check 100 calls/s, the group list 1/s,
 * the hourly history download 10/s, every other one 200/s.
 */
export const TENCENT_MIGRATION_API_LIMITS: readonly VendorApiLimit[] = [
  ...['im_open_login_svc/multiaccount_import', 'im_open_login_svc/account_check'].map((api) => ({
    api,
    unit: 'calls' as const,
    points: 100,
    perSeconds: 1,
  })),
  { api: 'group_open_http_svc/get_appid_group_list', unit: 'calls', points: 1, perSeconds: 1 },
  { api: 'open_msg_svc/get_history', unit: 'calls', points: 10, perSeconds: 1 },
  ...[
    'profile/portrait_get',
    'profile/portrait_set',
    'sns/friend_get',
    'sns/friend_import',
    'sns/black_list_get',
    'sns/black_list_add',
    'group_open_http_svc/get_group_info',
    'group_open_http_svc/get_group_member_info',
    'group_open_http_svc/get_group_muted_account',
    'group_open_http_svc/import_group',
    'group_open_http_svc/import_group_member',
    'group_open_http_svc/forbid_send_msg',
    'group_open_http_svc/import_group_msg',
    'group_open_http_svc/group_msg_get_simple',
    'openim/importmsg',
    'openim/admin_getroammsg',
  ].map((api) => ({ api, unit: 'calls' as const, points: 200, perSeconds: 1 })),
];

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
  ...TENCENT_MIGRATION_API_LIMITS,
];
