import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import type { CallbackContext, CallbackRequest } from '@im-gateway/types';
import type { EasemobConfig } from '../src/easemob.config.js';
import { FIXTURES, fixtureContext } from './easemob-fixtures.js';

const FILES = 'https://files.example.test/chatfiles';

/**
 * A pre-send `payload` of each body type, in the REST shape the pre-send request carries (easemob.md §2.3,
 * §4.2). `unknown` stands for any type the filter vocabulary lacks: `combine` is one the pre-send scope lists.
 */
const PAYLOADS: Readonly<Record<string, Record<string, unknown>>> = {
  txt: { type: 'txt', msg: 'welcome to easemob!', ext: { em_at_list: ['user2'] } },
  img: {
    type: 'img',
    url: `${FILES}/a.jpg`,
    filename: 'a.jpg',
    secret: 'sa',
    size: { width: 746, height: 1325 },
    file_length: 128827,
  },
  audio: { type: 'audio', url: `${FILES}/b.amr`, filename: 'b.amr', length: 4, file_length: 6374 },
  loc: { type: 'loc', lat: '39.966', lng: '116.322', addr: '中关村' },
  video: { type: 'video', url: `${FILES}/c.mp4`, filename: 'c.mp4', length: 5, thumb: `${FILES}/c.jpg` },
  file: { type: 'file', url: `${FILES}/d.txt`, filename: 'd.txt', file_length: 10 },
  cmd: { type: 'cmd', action: 'typing' },
  custom: { type: 'custom', customEvent: 'gift', customExts: { sku: 'rose' } },
  unknown: { type: 'combine', title: 'history', summary: 'a: hi' },
};

/**
 * A pre-send callback of each kind (`presend:<chat type>:<body type>`), for the decision tests and the
 * conformance kit's before check: the vendor-doc example presend_txt.json (fixtures/callbacks/presend-txt)
 * with the chat type and payload of the kind. The docs print examples of txt and img only.
 */
export function easemobBeforeCallback(
  kind: string,
): { request: CallbackRequest; context: CallbackContext<EasemobConfig> } | undefined {
  const [presend, chatType, bodyType] = kind.split(':');
  const payload = bodyType === undefined ? undefined : PAYLOADS[bodyType];
  if (presend !== 'presend' || chatType === undefined || payload === undefined) return undefined;
  const example = FIXTURES.load('presend-txt').body as Record<string, unknown>;
  const { group_id: groupId, ...envelope } = example;
  const body = {
    ...envelope,
    chat_type: chatType,
    // A one-to-one message has no group; `to` is then the receiving user.
    ...(chatType === 'chat' ? {} : { group_id: groupId, to: groupId }),
    payload,
  };
  return { request: fixtureRequest({ body }), context: fixtureContext(body) };
}
