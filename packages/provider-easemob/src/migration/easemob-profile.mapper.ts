import type { MigrationProfile } from '@im-gateway/types';

/** The user attribute keys Easemob's clients use (migration facts §2.3); the batch get names them. */
export const EASEMOB_PROFILE_KEYS = [
  'nickname',
  'avatarurl',
  'gender',
  'sign',
  'birth',
  'phone',
  'mail',
  'ext',
];

const GENDER = { '1': 'male', '2': 'female', '0': 'unknown' } as const;
const GENDER_CODE = { male: '1', female: '2', unknown: '0' } as const;

/** Easemob user attributes → the neutral profile; keys without a common name go to `custom`. */
export function fromEasemobMetadata(attributes: Record<string, unknown>): MigrationProfile {
  const profile: MigrationProfile = {};
  const custom: Record<string, string> = {};
  for (const [key, raw] of Object.entries(attributes)) {
    if (typeof raw !== 'string') continue;
    if (key === 'nickname') profile.nickname = raw;
    else if (key === 'avatarurl') profile.avatarUrl = raw;
    else if (key === 'sign') profile.signature = raw;
    else if (key === 'birth') profile.birthday = raw;
    else if (key === 'gender') {
      const gender = GENDER[raw as keyof typeof GENDER];
      if (gender) profile.gender = gender;
    } else custom[key] = raw;
  }
  if (Object.keys(custom).length > 0) profile.custom = custom;
  return profile;
}

/** The neutral profile → the form fields of `PUT /metadata/user/{username}`. */
export function toEasemobMetadata(profile: MigrationProfile): Record<string, string> {
  const form: Record<string, string> = {};
  if (profile.nickname !== undefined) form['nickname'] = profile.nickname;
  if (profile.avatarUrl !== undefined) form['avatarurl'] = profile.avatarUrl;
  if (profile.gender !== undefined) form['gender'] = GENDER_CODE[profile.gender];
  if (profile.signature !== undefined) form['sign'] = profile.signature;
  if (profile.birthday !== undefined) form['birth'] = profile.birthday;
  for (const [key, value] of Object.entries(profile.custom ?? {})) form[key] = value;
  return form;
}
