import { readId } from '@im-gateway/provider-kit/callback';

/**
 * Easemob decorates ids inside its own JIDs (easemob.md §5): users as `{appkey}_{user}@easemob.com[/os_device]`,
 * groups and rooms as `{appkey}_{id}@conference.easemob.com`; roster and login callbacks use the same form.
 * The App Key is `org#app`, and org / app names may contain `_`, so the known App Keys are tried first.
 */
export interface EasemobIdParts {
  /** The plain id (`1111`), absent when the value names only the app (`org#app`: the app admin). */
  id?: string;
  /** The device resource after `/` (`android_8070…`), when present. */
  resource?: string;
}

export function parseEasemobId(value: unknown, appKeys: readonly string[]): EasemobIdParts {
  const text = readId(value);
  if (text === undefined) return {};
  const slash = text.indexOf('/');
  const resource = slash >= 0 ? text.slice(slash + 1) : undefined;
  let id = slash >= 0 ? text.slice(0, slash) : text;
  const hash = id.indexOf('#');
  // User ids cannot contain `@` (easemob.md §5), so in a decorated id everything from `@` on is the domain.
  const at = id.indexOf('@');
  if (at >= 0 && (hash >= 0 || /^(conference\.)?easemob\.com$/.test(id.slice(at + 1)))) id = id.slice(0, at);
  if (hash >= 0) {
    const key = appKeys.find((k) => k.length > 0 && (id === k || id.startsWith(`${k}_`)));
    if (key !== undefined) id = id.slice(key.length + 1);
    else {
      const underscore = id.indexOf('_', hash);
      id = underscore >= 0 ? id.slice(underscore + 1) : '';
    }
  }
  return {
    ...(id.length > 0 ? { id } : {}),
    ...(resource !== undefined && resource.length > 0 ? { resource } : {}),
  };
}

/** The plain user / group id of a possibly decorated value, or undefined. */
export function plainEasemobId(value: unknown, appKeys: readonly string[]): string | undefined {
  return parseEasemobId(value, appKeys).id;
}

/** Operators that are the app itself rather than a user: REST / console calls (easemob.md §4.4, §9). */
export function isEasemobAppAdmin(id: string | undefined): boolean {
  return id === '@ppAdmin' || id === 'easemob_rest_app_admin';
}
