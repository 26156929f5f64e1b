import type { MigrationProfile } from '@im-gateway/types';

/** One `{Tag, Value}` of `portrait_get` / `portrait_set` (migration-apis §1.4). */
export interface TencentProfileItem {
  Tag: string;
  Value: unknown;
}

const NICK = 'Tag_Profile_IM_Nick';
const IMAGE = 'Tag_Profile_IM_Image';
const GENDER = 'Tag_Profile_IM_Gender';
const SIGNATURE = 'Tag_Profile_IM_SelfSignature';
const BIRTHDAY = 'Tag_Profile_IM_BirthDay';
const CUSTOM = 'Tag_Profile_Custom_';
/** Custom keywords: English letters only, at most 8 bytes (§1.4). */
export const TENCENT_CUSTOM_PROFILE_KEY = /^[A-Za-z]{1,8}$/;

const GENDERS: Readonly<Record<string, MigrationProfile['gender']>> = {
  Gender_Type_Male: 'male',
  Gender_Type_Female: 'female',
  Gender_Type_Unknown: 'unknown',
};
const GENDER_TAGS: Readonly<Record<NonNullable<MigrationProfile['gender']>, string>> = {
  male: 'Gender_Type_Male',
  female: 'Gender_Type_Female',
  unknown: 'Gender_Type_Unknown',
};

/** The tags a migration asks `portrait_get` for: the mapped standard ones and the configured custom ones. */
export function tencentProfileTags(customKeys: readonly string[] = []): string[] {
  return [NICK, IMAGE, GENDER, SIGNATURE, BIRTHDAY, ...customKeys.map((k) => `${CUSTOM}${k}`)];
}

/** `ProfileItem[]` → profile; empty values (the vendor's unset defaults) are left out. */
export function tencentProfileToMigration(items: readonly TencentProfileItem[]): MigrationProfile {
  const profile: MigrationProfile = {};
  const custom: Record<string, string> = {};
  for (const { Tag, Value } of items) {
    if (Value === '' || Value === 0 || Value === undefined || Value === null) continue;
    if (Tag === NICK && typeof Value === 'string') profile.nickname = Value;
    else if (Tag === IMAGE && typeof Value === 'string') profile.avatarUrl = Value;
    else if (Tag === SIGNATURE && typeof Value === 'string') profile.signature = Value;
    else if (Tag === GENDER && typeof Value === 'string' && GENDERS[Value]) profile.gender = GENDERS[Value];
    else if (Tag === BIRTHDAY && typeof Value === 'number') profile.birthday = String(Value);
    else if (Tag.startsWith(CUSTOM) && typeof Value === 'string') custom[Tag.slice(CUSTOM.length)] = Value;
  }
  if (Object.keys(custom).length > 0) profile.custom = custom;
  return profile;
}

/**
 * Profile → `ProfileItem[]` for `portrait_set`, or the reason it cannot be written. A birthday of 8 digits
 * (`19900419`, also written `1990-04-19`) is the uint32 Tencent recommends; any other text cannot go in the
 * uint32 tag. Custom keys become `Tag_Profile_Custom_<key>` and must be ≤ 8 English letters.
 */
export function migrationProfileToTencent(
  profile: MigrationProfile,
): TencentProfileItem[] | { refused: string } {
  const items: TencentProfileItem[] = [];
  if (profile.nickname !== undefined) items.push({ Tag: NICK, Value: profile.nickname });
  if (profile.avatarUrl !== undefined) items.push({ Tag: IMAGE, Value: profile.avatarUrl });
  if (profile.gender !== undefined) items.push({ Tag: GENDER, Value: GENDER_TAGS[profile.gender] });
  if (profile.signature !== undefined) items.push({ Tag: SIGNATURE, Value: profile.signature });
  if (profile.birthday !== undefined) {
    const digits = profile.birthday.replace(/[-/.]/g, '');
    if (!/^\d{1,10}$/.test(digits) || Number(digits) > 0xffffffff)
      return {
        refused: `birthday "${profile.birthday}" is not a number such as 19900419 (Tag_Profile_IM_BirthDay is a uint32)`,
      };
    items.push({ Tag: BIRTHDAY, Value: Number(digits) });
  }
  const custom = Object.entries(profile.custom ?? {});
  const bad = custom.filter(([key]) => !TENCENT_CUSTOM_PROFILE_KEY.test(key)).map(([key]) => key);
  if (bad.length > 0)
    return {
      refused: `custom keys ${bad.join(', ')} cannot be Tencent tags (Tag_Profile_Custom_ takes ≤ 8 English letters)`,
    };
  for (const [key, value] of custom) items.push({ Tag: `${CUSTOM}${key}`, Value: value });
  return items;
}
