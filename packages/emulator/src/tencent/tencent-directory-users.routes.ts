import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { ok, refuse } from './tencent-errors.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';

const MAX_USERS = 100; // account_check and portrait_get (migration-apis §1.3, §1.4)
const MAX_VALUE_BYTES = 500; // 40601
const UINT32_TAGS = new Set([
  'Tag_Profile_IM_BirthDay',
  'Tag_Profile_IM_Language',
  'Tag_Profile_IM_Level',
  'Tag_Profile_IM_Role',
]);
const ENUM_TAGS: Readonly<Record<string, readonly string[]>> = {
  Tag_Profile_IM_Gender: ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'],
  Tag_Profile_IM_AllowType: [
    'AllowType_Type_NeedConfirm',
    'AllowType_Type_AllowAny',
    'AllowType_Type_DenyAny',
  ],
  Tag_Profile_IM_AdminForbidType: ['AdminForbid_Type_None', 'AdminForbid_Type_SendOut'],
};
const STRING_TAGS = new Set([
  'Tag_Profile_IM_Nick',
  'Tag_Profile_IM_Location',
  'Tag_Profile_IM_SelfSignature',
  'Tag_Profile_IM_Image',
  ...Object.keys(ENUM_TAGS),
]);
// Custom fields: `Tag_Profile_Custom_` + at most 8 English letters, string values only (§1.4).
const CUSTOM_TAG = /^Tag_Profile_Custom_[A-Za-z]{1,8}$/;

const isUint32 = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;

/** One `{Tag, Value}` of `portrait_set`, refused with the documented code (§1.4). */
function checkProfileItem(item: unknown): [string, unknown] {
  if (!isObject(item) || typeof item['Tag'] !== 'string' || !('Value' in item))
    refuse(40001, 'ProfileItem must hold { Tag, Value } items');
  const tag = item['Tag'] as string;
  const value = item['Value'];
  if (UINT32_TAGS.has(tag)) {
    if (!isUint32(value)) refuse(40610, `${tag} takes a uint32`);
    return [tag, value];
  }
  if (!STRING_TAGS.has(tag) && !CUSTOM_TAG.test(tag)) refuse(40009, `tag ${tag} does not exist`);
  if (typeof value !== 'string') refuse(40610, `${tag} takes a string`);
  if (Buffer.byteLength(value) > MAX_VALUE_BYTES) refuse(40601, `${tag} is longer than 500 bytes`);
  const allowed = ENUM_TAGS[tag];
  if (allowed && !allowed.includes(value)) refuse(40605, `${tag} must be one of ${allowed.join(', ')}`);
  if (tag === 'Tag_Profile_IM_Location' && Buffer.byteLength(value) > 16)
    refuse(40605, 'Tag_Profile_IM_Location is longer than 16 bytes');
  return [tag, value];
}

/** `account_check`, `portrait_set`, `portrait_get` (migration-apis §1.3–1.4). */
export function registerTencentDirectoryUserRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/im_open_login_svc/account_check', 100, ({ app, body }) => {
    const items = body['CheckItem'];
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_USERS)
      refuse(70402, `CheckItem must hold 1 to ${MAX_USERS} { UserID } items`);
    const ResultItem = items.map((item) => {
      const id = isObject(item) ? item['UserID'] : undefined;
      if (typeof id !== 'string' || id === '')
        return { UserID: id, ResultCode: 70402, ResultInfo: 'UserID is invalid' };
      return {
        UserID: id,
        ResultCode: 0,
        ResultInfo: '',
        AccountStatus: app.accounts.has(id) ? 'Imported' : 'NotImported',
      };
    });
    return ok({ ResultItem });
  });

  tencentRoute(server, ctx, '/v4/profile/portrait_set', 200, ({ app, identifier, body }) => {
    const from = body['From_Account'];
    if (typeof from !== 'string' || from === '') refuse(40001, 'From_Account is required');
    if (!ctx.knownAccount(app, from, identifier)) refuse(40003, `account ${from} does not exist`);
    const items = body['ProfileItem'];
    if (!Array.isArray(items) || items.length === 0) refuse(40001, 'ProfileItem must be a non-empty array');
    const values = items.map(checkProfileItem);
    const profile = app.profiles.get(from) ?? new Map<string, unknown>();
    for (const [tag, value] of values) profile.set(tag, value);
    app.profiles.set(from, profile);
    return ok({ ErrorDisplay: '' });
  });

  tencentRoute(server, ctx, '/v4/profile/portrait_get', 200, ({ app, identifier, body }) => {
    const users = body['To_Account'];
    if (users === undefined) refuse(40002, 'To_Account is missing');
    if (!Array.isArray(users) || users.length === 0 || users.length > MAX_USERS)
      refuse(40001, `To_Account must hold 1 to ${MAX_USERS} accounts`);
    const tags = body['TagList'];
    if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === 'string'))
      refuse(40001, 'TagList must be a non-empty array of tags');
    const failed: string[] = [];
    const UserProfileItem = (users as unknown[]).map((user) => {
      const id = String(user);
      if (!ctx.knownAccount(app, id, identifier)) {
        failed.push(id);
        return { To_Account: id, ProfileItem: [], ResultCode: 40003, ResultInfo: 'account does not exist' };
      }
      const profile = app.profiles.get(id);
      // Only fields that were set are returned (the vendor's defaults for unset fields are not documented).
      const ProfileItem = (tags as string[])
        .filter((tag) => profile?.has(tag))
        .map((tag) => ({ Tag: tag, Value: profile?.get(tag) }));
      return { To_Account: id, ProfileItem, ResultCode: 0, ResultInfo: '' };
    });
    return ok({ UserProfileItem, ...(failed.length > 0 ? { Fail_Account: failed } : {}) });
  });
}
