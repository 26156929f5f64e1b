import { createHash } from 'node:crypto';
import { ImGatewayError, type ImageVariant, type SendableContent } from '@im-gateway/types';
import { refuseUnsupportedContentFields } from '@im-gateway/provider-kit';
import { TENCENT_CAPABILITIES } from '../tencent.capabilities.js';
import { RESERVED_COMMAND_MARKER } from '../callback/tencent-msg-body.normalizer.js';

/** One `MsgBody` element (tencent.md §3). */
export interface TencentElement {
  MsgType: string;
  MsgContent: Record<string, unknown>;
}

// ImageFormat (tencent.md §3): 1 JPG, 2 GIF, 3 PNG, 4 BMP, 255 other.
const IMAGE_FORMATS: Readonly<Record<string, number>> = {
  jpg: 1,
  jpeg: 1,
  gif: 2,
  png: 3,
  bmp: 4,
  other: 255,
};
const IMAGE_TYPES: Readonly<Record<ImageVariant['kind'], number>> = { original: 1, large: 2, thumbnail: 3 };

function required<T>(value: T | undefined, field: string, why: string): T {
  if (value === undefined)
    throw new ImGatewayError('validation_failed', `Tencent needs content.${field}: ${why}`, [
      { field: `content.${field}`, message: `is required by Tencent (${why})` },
    ]);
  return value;
}

/** A stable UUID field for an attachment: REST senders must give one, and only the URL identifies it. */
const uuidOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 32);

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function imageElement(content: Extract<SendableContent, { type: 'image' }>): TencentElement {
  const variants: ImageVariant[] = content.variants ?? [
    {
      kind: 'original',
      url: content.url,
      width: required(content.width, 'width', 'REST images need Width'),
      height: required(content.height, 'height', 'REST images need Height'),
      ...(content.size === undefined ? {} : { size: content.size }),
    },
  ];
  const format = IMAGE_FORMATS[content.format ?? 'other'];
  return {
    MsgType: 'TIMImageElem',
    MsgContent: {
      UUID: uuidOf(content.url),
      ImageFormat: required(format, 'format', 'one of jpg, gif, png, bmp, other'),
      ImageInfoArray: variants.map((v, i) =>
        defined({
          Type: IMAGE_TYPES[v.kind],
          Size: v.size,
          Width: required(v.width, `variants.${i}.width`, 'REST images need Width'),
          Height: required(v.height, `variants.${i}.height`, 'REST images need Height'),
          URL: v.url,
        }),
      ),
    },
  };
}

/**
 * Unified content → one `TIM*Elem`. `command` has no Tencent element: it travels as a `TIMCustomElem`
 * whose `Data` is `{"imgw":"command","action":…}`, which the callback normalizer turns back into a command.
 */
export function toTencentElement(content: SendableContent): TencentElement {
  refuseUnsupportedContentFields('Tencent', TENCENT_CAPABILITIES, content);
  switch (content.type) {
    case 'text':
      return { MsgType: 'TIMTextElem', MsgContent: { Text: content.text } };
    case 'image':
      return imageElement(content);
    case 'audio':
      return {
        MsgType: 'TIMSoundElem',
        MsgContent: {
          Url: content.url,
          UUID: uuidOf(content.url),
          Size: required(content.size, 'size', 'TIMSoundElem needs Size'),
          Second: required(content.durationSec, 'durationSec', 'TIMSoundElem needs Second'),
          Download_Flag: 2,
        },
      };
    case 'video':
      return {
        MsgType: 'TIMVideoFileElem',
        MsgContent: {
          VideoUrl: content.url,
          VideoUUID: uuidOf(content.url),
          VideoSize: required(content.size, 'size', 'TIMVideoFileElem needs VideoSize'),
          VideoSecond: required(content.durationSec, 'durationSec', 'TIMVideoFileElem needs VideoSecond'),
          VideoFormat: required(content.format, 'format', 'TIMVideoFileElem needs VideoFormat'),
          VideoDownloadFlag: 2,
          ThumbUrl: required(content.thumbnailUrl, 'thumbnailUrl', 'TIMVideoFileElem needs ThumbUrl'),
          ThumbUUID: uuidOf(content.thumbnailUrl ?? ''),
          ThumbSize: 0,
          ThumbWidth: required(content.width, 'width', 'TIMVideoFileElem needs ThumbWidth'),
          ThumbHeight: required(content.height, 'height', 'TIMVideoFileElem needs ThumbHeight'),
          ThumbFormat: /\.(\w{3,4})(?:$|\?)/.exec(content.thumbnailUrl ?? '')?.[1] ?? 'jpg',
          ThumbDownloadFlag: 2,
        },
      };
    case 'file':
      return {
        MsgType: 'TIMFileElem',
        MsgContent: {
          Url: content.url,
          UUID: uuidOf(content.url),
          FileSize: required(content.size, 'size', 'TIMFileElem needs FileSize'),
          FileName: required(content.name, 'name', 'TIMFileElem needs FileName'),
          Download_Flag: 2,
        },
      };
    case 'location':
      return {
        MsgType: 'TIMLocationElem',
        MsgContent: { Desc: content.address ?? '', Latitude: content.latitude, Longitude: content.longitude },
      };
    case 'face':
      return { MsgType: 'TIMFaceElem', MsgContent: defined({ Index: content.index, Data: content.data }) };
    case 'command':
      return {
        MsgType: 'TIMCustomElem',
        MsgContent: {
          Data: JSON.stringify({ [RESERVED_COMMAND_MARKER]: 'command', action: content.action }),
        },
      };
    case 'custom':
      return customElement(content);
  }
}

function customElement(content: Extract<SendableContent, { type: 'custom' }>): TencentElement {
  const data = required(content.data, 'data', 'TIMCustomElem needs Data');
  if (isReservedCommand(data))
    throw new ImGatewayError('validation_failed', 'content.data uses the reserved command encoding.', [
      { field: 'content.data', message: `must not be a {"${RESERVED_COMMAND_MARKER}":"command"} object` },
    ]);
  return {
    MsgType: 'TIMCustomElem',
    MsgContent: defined({
      Data: data,
      Desc: content.description,
      Ext: content.extension,
      Sound: content.sound,
    }),
  };
}

function isReservedCommand(data: string): boolean {
  try {
    const parsed = JSON.parse(data) as unknown;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as Record<string, unknown>)[RESERVED_COMMAND_MARKER] === 'command'
    );
  } catch {
    return false;
  }
}
