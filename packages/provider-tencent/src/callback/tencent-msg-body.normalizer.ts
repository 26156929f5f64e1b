import type { ImageVariant, MessageContent, UnifiedMessage } from '@im-gateway/types';
import { isRecord, readAny, readNumber, readString } from '@im-gateway/provider-kit/callback';
import { compact, idOf } from './tencent-callback.fields.js';

/**
 * Marker of the reserved TIMCustomElem encoding: Tencent has no pass-through `command` element (Easemob
 * `cmd`), so the send path encodes it as a custom element whose `Data` is `{"imgw":"command","action":"..."}`
 * and this normalizer decodes it back. See the README.
 */
export const RESERVED_COMMAND_MARKER = 'imgw';

/** `ImageInfoArray[].Type` (§3): 1 original, 2 large, 3 thumbnail. */
const IMAGE_KINDS: Readonly<Record<number, ImageVariant['kind']>> = {
  1: 'original',
  2: 'large',
  3: 'thumbnail',
};
/** `ImageFormat` (§3): 1 JPG, 2 GIF, 3 PNG, 4 BMP, 255 other. */
const IMAGE_FORMATS: Readonly<Record<number, string>> = {
  1: 'jpg',
  2: 'gif',
  3: 'png',
  4: 'bmp',
  255: 'other',
};

/** `MsgBody` (an array of `{MsgType, MsgContent}`, §3) as unified contents, in order. */
export function tencentMsgBodyContents(msgBody: unknown): MessageContent[] {
  if (!Array.isArray(msgBody)) return [];
  return msgBody.map(tencentElementContent);
}

export function tencentElementContent(element: unknown): MessageContent {
  const msgType = isRecord(element) ? (readString(element.MsgType) ?? '') : '';
  const content = isRecord(element) && isRecord(element.MsgContent) ? element.MsgContent : undefined;
  const known = content === undefined ? undefined : knownContent(msgType, content);
  return known ?? { type: 'unknown', vendorType: msgType, raw: element };
}

function knownContent(msgType: string, c: Record<string, unknown>): MessageContent | undefined {
  switch (msgType) {
    case 'TIMTextElem': {
      const text = readString(c.Text);
      return text === undefined ? undefined : { type: 'text', text };
    }
    case 'TIMLocationElem': {
      const latitude = readNumber(c.Latitude);
      const longitude = readNumber(c.Longitude);
      if (latitude === undefined || longitude === undefined) return undefined;
      return compact({ type: 'location' as const, latitude, longitude, address: readString(c.Desc) });
    }
    case 'TIMFaceElem': {
      const index = readNumber(c.Index);
      return index === undefined
        ? undefined
        : compact({ type: 'face' as const, index, data: readString(c.Data) });
    }
    case 'TIMCustomElem':
      return customContent(c);
    case 'TIMSoundElem':
      // SDK 2.x/3.x elements carry no Url (§3): the url is then empty and the element stays in `raw`.
      return compact({
        type: 'audio' as const,
        url: readString(readAny(c, 'Url', 'URL')) ?? '',
        size: readNumber(c.Size),
        durationSec: readNumber(c.Second),
      });
    case 'TIMImageElem':
      return imageContent(c);
    case 'TIMFileElem':
      return compact({
        type: 'file' as const,
        url: readString(readAny(c, 'Url', 'URL')) ?? '',
        name: readString(c.FileName),
        size: readNumber(c.FileSize),
      });
    case 'TIMVideoFileElem':
      return compact({
        type: 'video' as const,
        url: readString(c.VideoUrl) ?? '',
        durationSec: readNumber(c.VideoSecond),
        size: readNumber(c.VideoSize),
        format: readString(c.VideoFormat),
        thumbnailUrl: readString(c.ThumbUrl),
        width: readNumber(c.ThumbWidth),
        height: readNumber(c.ThumbHeight),
      });
    default:
      return undefined;
  }
}

function customContent(c: Record<string, unknown>): MessageContent {
  const data = readString(c.Data);
  const action = data === undefined ? undefined : reservedCommandAction(data);
  if (action !== undefined) return { type: 'command', action };
  return compact({
    type: 'custom' as const,
    data,
    description: readString(c.Desc),
    extension: readString(c.Ext),
    sound: readString(c.Sound),
  });
}

/** The action of a reserved command element, or undefined for an ordinary custom element. */
export function reservedCommandAction(data: string): string | undefined {
  if (!data.includes(RESERVED_COMMAND_MARKER)) return undefined;
  const parsed = parseJson(data);
  if (!isRecord(parsed) || parsed[RESERVED_COMMAND_MARKER] !== 'command') return undefined;
  return typeof parsed.action === 'string' ? parsed.action : undefined;
}

function imageContent(c: Record<string, unknown>): MessageContent {
  const variants: ImageVariant[] = [];
  for (const info of Array.isArray(c.ImageInfoArray) ? c.ImageInfoArray : []) {
    if (!isRecord(info)) continue;
    const kind = IMAGE_KINDS[readNumber(info.Type) ?? 0];
    const url = readString(readAny(info, 'URL', 'Url'));
    if (kind === undefined || url === undefined) continue;
    variants.push(
      compact({
        kind,
        url,
        width: readNumber(info.Width),
        height: readNumber(info.Height),
        size: readNumber(info.Size),
      }),
    );
  }
  const main = variants.find((v) => v.kind === 'original') ?? variants[0];
  return compact({
    type: 'image' as const,
    url: main?.url ?? '',
    width: main?.width,
    height: main?.height,
    size: main?.size,
    format: IMAGE_FORMATS[readNumber(c.ImageFormat) ?? 0],
    variants: variants.length > 0 ? variants : undefined,
  });
}

/** `CloudCustomData` as `message.ext`: the parsed object when it is a JSON object, else the string kept. */
export function tencentMessageExt(cloudCustomData: unknown): Record<string, unknown> | undefined {
  if (isRecord(cloudCustomData)) return cloudCustomData;
  const text = readString(cloudCustomData);
  if (text === undefined || text === '') return undefined;
  // Only a text that opens like an object can be one: a failed JSON.parse throws, and a thrown SyntaxError
  // with its stack costs more than the rest of the message (the ingest profile, on plain-text custom data).
  const parsed = text.trimStart().startsWith('{') ? parseJson(text) : undefined;
  return isRecord(parsed) ? parsed : { cloudCustomData: text };
}

/**
 * `GroupAtInfo[]` as mentions. @all is `GroupAtAllFlag: 1` (seed 002, tencent.md §2.1); the spelling
 * `GroupAt_AllFlag` and the reserved account `@RM_ALL` in `GroupAt_Account` are read as @all too, since
 * other doc versions use them and neither can be a real mention of one user.
 */
export function tencentMentions(groupAtInfo: unknown): UnifiedMessage['mentions'] {
  if (!Array.isArray(groupAtInfo) || groupAtInfo.length === 0) return undefined;
  let all = false;
  const users: string[] = [];
  for (const at of groupAtInfo) {
    if (!isRecord(at)) continue;
    const account = idOf(at, 'GroupAt_Account');
    if (readNumber(readAny(at, 'GroupAtAllFlag', 'GroupAt_AllFlag')) === 1 || account === '@RM_ALL')
      all = true;
    else if (account !== undefined && !users.includes(account)) users.push(account);
  }
  return { all, users };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
