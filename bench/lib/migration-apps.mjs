// The apps of the migration scenario (one source and one target per vendor) and each target vendor's
// documented import budget per kind: the import APIs a kind's batches call, with their calls per second
// (migration-apis.md; the same figures as the providers' limit tables).

export const MIGRATION_APPS = {
  easemobSource: {
    orgName: 'benchorg',
    appName: 'source',
    clientId: 'YXA6bench-source',
    clientSecret: 'YXA6bench-source-secret',
    callbackSecret: 'bench-source-callback',
  },
  easemobTarget: {
    orgName: 'benchorg',
    appName: 'target',
    clientId: 'YXA6bench-target',
    clientSecret: 'YXA6bench-target-secret',
    callbackSecret: 'bench-target-callback',
  },
  tencentSource: {
    sdkAppId: 1400000201,
    secretKey: 'bench-source-secret-key-0123456789abcdef',
    adminIdentifier: 'administrator',
    callbackToken: 'bench-source-token',
  },
  tencentTarget: {
    sdkAppId: 1400000202,
    secretKey: 'bench-target-secret-key-0123456789abcdef',
    adminIdentifier: 'administrator',
    callbackToken: 'bench-target-token',
  },
};

/** Import APIs per kind and their documented calls/s, for a Tencent target (migration-apis §1). */
const TENCENT_IMPORTS = {
  accounts: { 'im_open_login_svc/multiaccount_import': 100 },
  profiles: { 'profile/portrait_set': 200 },
  groups: { 'group_open_http_svc/import_group': 200 },
  members: { 'group_open_http_svc/import_group_member': 200 },
  mutes: { 'group_open_http_svc/forbid_send_msg': 200 },
  chatrooms: { 'group_open_http_svc/import_group': 200 },
  history: { 'openim/importmsg': 200, 'group_open_http_svc/import_group_msg': 200 },
  contacts: { 'sns/friend_import': 200 },
  blocklists: { 'sns/black_list_add': 200 },
};

/** The same for an Easemob target (migration-apis §2: 100 calls/s unless a page says otherwise). */
const EASEMOB_IMPORTS = {
  accounts: { users: 100 },
  profiles: { 'metadata/user': 100 },
  groups: { chatgroups: 100 },
  members: { chatgroups: 100 },
  mutes: { chatgroups: 100 },
  chatrooms: { 'chatrooms/create': 50, chatrooms: 100 },
  history: { 'messages/users/import': 100, 'messages/chatgroups/import': 100 },
  contacts: { 'users/contacts': 100 },
  blocklists: { 'users/blocks': 100 },
};

export const IMPORT_BUDGETS = { tencent: TENCENT_IMPORTS, easemob: EASEMOB_IMPORTS };
