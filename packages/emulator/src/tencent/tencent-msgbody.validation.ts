import { isObject } from '../common/http-helpers.js';
import { refuse } from './tencent-errors.js';

const str = (v: unknown) => typeof v === 'string';
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown) => Number.isInteger(v);
const optStr = (v: unknown) => v === undefined || str(v);
// File-bearing elements must carry Download_Flag 2 (tencent.md §3).
const flag2 = (v: unknown) => v === 2;

/** `MsgContent` rules per `MsgType` (tencent.md §3, S-fmt). */
const ELEMENTS: Record<string, (c: Record<string, unknown>) => boolean> = {
  TIMTextElem: (c) => str(c['Text']),
  TIMLocationElem: (c) => str(c['Desc']) && num(c['Latitude']) && num(c['Longitude']),
  TIMFaceElem: (c) => int(c['Index']) && optStr(c['Data']),
  TIMCustomElem: (c) => str(c['Data']) && optStr(c['Desc']) && optStr(c['Ext']) && optStr(c['Sound']),
  TIMSoundElem: (c) =>
    str(c['Url']) && str(c['UUID']) && int(c['Size']) && int(c['Second']) && flag2(c['Download_Flag']),
  // REST senders must give URL, UUID, Width and Height for each image size.
  TIMImageElem: (c) =>
    str(c['UUID']) &&
    [1, 2, 3, 4, 255].includes(c['ImageFormat'] as number) &&
    Array.isArray(c['ImageInfoArray']) &&
    c['ImageInfoArray'].length > 0 &&
    c['ImageInfoArray'].every(
      (i: unknown) =>
        isObject(i) &&
        [1, 2, 3].includes(i['Type'] as number) &&
        int(i['Width']) &&
        int(i['Height']) &&
        str(i['URL']) &&
        (i['Size'] === undefined || int(i['Size'])),
    ),
  TIMFileElem: (c) =>
    str(c['Url']) && str(c['UUID']) && int(c['FileSize']) && str(c['FileName']) && flag2(c['Download_Flag']),
  TIMVideoFileElem: (c) =>
    str(c['VideoUrl']) &&
    str(c['VideoUUID']) &&
    int(c['VideoSize']) &&
    int(c['VideoSecond']) &&
    str(c['VideoFormat']) &&
    flag2(c['VideoDownloadFlag']) &&
    str(c['ThumbUrl']) &&
    str(c['ThumbUUID']) &&
    int(c['ThumbSize']) &&
    int(c['ThumbWidth']) &&
    int(c['ThumbHeight']) &&
    str(c['ThumbFormat']) &&
    flag2(c['ThumbDownloadFlag']),
};

export const TENCENT_ELEMENT_TYPES = Object.keys(ELEMENTS);

// 12 KB per message (limits and send pages; the error-code page's 8 KB is older, tencent.md §4.3).
const MAX_MESSAGE_BYTES = 12 * 1024;

/**
 * Validates `MsgBody` (a non-empty array of `{MsgType, MsgContent}`, at most one TIMCustomElem)
 * and the message size; throws the vendor's error. Returns the element types.
 */
export function validateMsgBody(msgBody: unknown, cloudCustomData: unknown): string[] {
  if (!Array.isArray(msgBody)) refuse(90007, 'MsgBody must be an array');
  if (msgBody.length === 0) refuse(90002, 'MsgBody is empty');
  const types: string[] = [];
  for (const element of msgBody) {
    if (!isObject(element) || typeof element['MsgType'] !== 'string' || !isObject(element['MsgContent'])) {
      refuse(90002, 'MsgBody element must be { MsgType, MsgContent }');
    }
    const type = element['MsgType'] as string;
    const rule = ELEMENTS[type];
    if (!rule) refuse(90002, `MsgType ${type} is not supported`);
    if (!rule(element['MsgContent'] as Record<string, unknown>))
      refuse(90002, `${type} MsgContent is invalid`);
    types.push(type);
  }
  if (types.filter((t) => t === 'TIMCustomElem').length > 1)
    refuse(90002, 'at most one TIMCustomElem per message');
  if (cloudCustomData !== undefined && typeof cloudCustomData !== 'string')
    refuse(90002, 'CloudCustomData must be a string');
  const size =
    Buffer.byteLength(JSON.stringify(msgBody)) +
    Buffer.byteLength((cloudCustomData as string | undefined) ?? '');
  if (size > MAX_MESSAGE_BYTES) refuse(80002, 'message is longer than the 12 KB limit');
  return types;
}

/** uint32 fields such as MsgRandom, Random, MsgSeq. */
export function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff;
}
