import { CapabilityUnsupportedError, type SendableContent } from '@im-gateway/types';
import { refuseUnsupportedContentFields } from '@im-gateway/provider-kit';
import { EASEMOB_CAPABILITIES } from '../easemob.capabilities.js';

/** An Easemob REST message: `type` and `body` (easemob.md §2.3, seed 001). */
export interface EasemobMessageBody {
  type: 'txt' | 'img' | 'audio' | 'video' | 'file' | 'loc' | 'cmd' | 'custom';
  body: Record<string, unknown>;
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function size(width: number | undefined, height: number | undefined) {
  return width === undefined && height === undefined ? undefined : defined({ width, height });
}

/**
 * Unified content → Easemob REST body. The attachment fields mirror what Easemob's own callbacks carry
 * (`file_length`, `size`, seed 000), so the post-send callback normalizes back to the same content.
 */
export function toEasemobMessage(content: SendableContent): EasemobMessageBody {
  refuseUnsupportedContentFields('Easemob', EASEMOB_CAPABILITIES, content);
  switch (content.type) {
    case 'text':
      return { type: 'txt', body: { msg: content.text } };
    case 'image':
      return {
        type: 'img',
        body: defined({
          url: content.url,
          filename: content.name,
          secret: content.secret,
          size: size(content.width, content.height),
          file_length: content.size,
        }),
      };
    case 'audio':
      return {
        type: 'audio',
        body: defined({
          url: content.url,
          filename: content.name,
          secret: content.secret,
          length: content.durationSec,
          file_length: content.size,
        }),
      };
    case 'video':
      return {
        type: 'video',
        body: defined({
          url: content.url,
          filename: content.name,
          secret: content.secret,
          length: content.durationSec,
          file_length: content.size,
          thumb: content.thumbnailUrl,
          thumb_secret: content.thumbnailSecret,
          size: size(content.width, content.height),
        }),
      };
    case 'file':
      return {
        type: 'file',
        body: defined({
          url: content.url,
          filename: content.name,
          secret: content.secret,
          file_length: content.size,
        }),
      };
    case 'location':
      // REST wants strings for lat/lng and requires addr (easemob.md §2.3).
      return {
        type: 'loc',
        body: { lat: String(content.latitude), lng: String(content.longitude), addr: content.address ?? '' },
      };
    case 'command':
      return { type: 'cmd', body: { action: content.action } };
    case 'custom':
      return { type: 'custom', body: defined({ customEvent: content.event, customExts: content.fields }) };
    case 'face':
      throw new CapabilityUnsupportedError('content.face', 'Easemob has no face (emoticon) message type.');
  }
}
