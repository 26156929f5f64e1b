import { isRecord, readAny, readNumber, readString } from '@im-gateway/provider-kit/callback';
import type { MessageContent, UnifiedMessage } from '@im-gateway/types';

type Body = Record<string, unknown>;

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function sizeOf(body: Body): { width?: number; height?: number } {
  const size = isRecord(body.size) ? body.size : {};
  return { ...optional('width', readNumber(size.width)), ...optional('height', readNumber(size.height)) };
}

function attachment(body: Body) {
  return {
    url: readString(body.url) ?? '',
    ...optional('name', readString(body.filename)),
    ...optional('size', readNumber(readAny(body, 'file_length', 'fileLength'))),
    ...optional('secret', readString(body.secret)),
  };
}

/**
 * v2:customExts is a string map; the legacy customExts is an array of one-key objects (seed 000 §自定义消息);
 * REST-shaped bodies (the send API, the history export) carry customExts as a map.
 */
function customFields(body: Body): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  const legacy = body.customExts;
  if (isRecord(legacy))
    for (const [k, v] of Object.entries(legacy)) {
      const s = readString(v);
      if (s !== undefined) fields[k] = s;
    }
  if (Array.isArray(legacy))
    for (const entry of legacy)
      if (isRecord(entry))
        for (const [k, v] of Object.entries(entry)) {
          const s = readString(v);
          if (s !== undefined) fields[k] = s;
        }
  const v2 = body['v2:customExts'];
  if (isRecord(v2))
    for (const [k, v] of Object.entries(v2)) {
      const s = readString(v);
      if (s !== undefined) fields[k] = s;
    }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** One Easemob message body (post-send `bodies[]` item, or the pre-send REST-shaped payload) as unified content. */
export function easemobContent(raw: unknown): MessageContent {
  if (!isRecord(raw)) return { type: 'unknown', vendorType: 'invalid', raw };
  const type = readString(raw.type) ?? '';
  switch (type) {
    case 'txt':
      return { type: 'text', text: readString(raw.msg) ?? '' };
    case 'img':
      return { type: 'image', ...attachment(raw), ...sizeOf(raw) };
    case 'audio':
    case 'voice':
      // The doc table says `Length`, its example `length` (seed 000 §语音消息): read both.
      return {
        type: 'audio',
        ...attachment(raw),
        ...optional('durationSec', readNumber(readAny(raw, 'length', 'Length'))),
      };
    case 'video':
      return {
        type: 'video',
        ...attachment(raw),
        ...optional('durationSec', readNumber(readAny(raw, 'length', 'Length'))),
        ...optional('thumbnailUrl', readString(raw.thumb)),
        ...optional('thumbnailSecret', readString(raw.thumb_secret)),
        ...sizeOf(raw),
      };
    case 'file':
      return { type: 'file', ...attachment(raw) };
    case 'loc': {
      // lat / lng are documented as strings and printed as numbers: both become numbers.
      const latitude = readNumber(raw.lat);
      const longitude = readNumber(raw.lng);
      if (latitude === undefined || longitude === undefined)
        return { type: 'unknown', vendorType: 'loc', raw };
      return { type: 'location', latitude, longitude, ...optional('address', readString(raw.addr)) };
    }
    case 'cmd':
      return { type: 'command', action: readString(raw.action) ?? '' };
    case 'custom':
      return {
        type: 'custom',
        ...optional('event', readString(raw.customEvent)),
        ...optional('fields', customFields(raw)),
      };
    default:
      return { type: 'unknown', vendorType: type || 'missing', raw };
  }
}

/** `bodies[]` in order; a non-array yields no contents. */
export function easemobContents(bodies: unknown): MessageContent[] {
  return Array.isArray(bodies) ? bodies.map(easemobContent) : [];
}

/** `ext` as the message extension (absent when not an object). */
export function easemobExt(ext: unknown): Record<string, unknown> | undefined {
  return isRecord(ext) ? ext : undefined;
}

/** `ext.em_at_list`: `"ALL"` mentions everyone, an array lists user ids. */
export function easemobMentions(ext: unknown): UnifiedMessage['mentions'] {
  if (!isRecord(ext)) return undefined;
  const list = ext.em_at_list;
  if (typeof list === 'string') return list.toUpperCase() === 'ALL' ? { all: true, users: [] } : undefined;
  if (!Array.isArray(list)) return undefined;
  const users = list.map((u) => readString(u)).filter((u): u is string => u !== undefined && u.length > 0);
  const all = users.some((u) => u.toUpperCase() === 'ALL');
  return { all, users: users.filter((u) => u.toUpperCase() !== 'ALL') };
}
