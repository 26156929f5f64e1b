import type { HistoryMessage } from '@im-gateway/types';
import { tencentHistoryRecordToMessage } from '../src/migration/tencent-history.mapper.js';
import { FIXTURES } from './tencent-fixtures.js';

/**
 * The history records Tencent would hold for the messages of the post-send fixtures (hourly files §1.19,
 * admin_getroammsg §1.17, group_msg_get_simple §1.18), for the recovered-event table and the reconcile
 * conformance check.
 */

type Body = Record<string, unknown>;

/**
 * One message body per element type, in the shapes of the element table (tencent.md §1.6): the printed
 * examples are all text, and history carries every element as the callback does.
 */
export const ELEMENTS: Record<string, unknown[]> = {
  text: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi 你好' } }],
  face: [{ MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'content' } }],
  location: [
    { MsgType: 'TIMLocationElem', MsgContent: { Desc: 'Shenzhen', Latitude: 22.54, Longitude: 113.93 } },
  ],
  custom: [
    {
      MsgType: 'TIMCustomElem',
      MsgContent: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' },
    },
  ],
  sound: [
    {
      MsgType: 'TIMSoundElem',
      MsgContent: { Url: 'https://x/a.m4a', UUID: 'u', Size: 62351, Second: 1, Download_Flag: 2 },
    },
  ],
  file: [
    {
      MsgType: 'TIMFileElem',
      MsgContent: {
        Url: 'https://x/f.txt',
        UUID: 'u',
        FileSize: 1773552,
        FileName: 'f.txt',
        Download_Flag: 2,
      },
    },
  ],
  video: [
    {
      MsgType: 'TIMVideoFileElem',
      MsgContent: {
        VideoUrl: 'https://x/v.mp4',
        VideoSize: 1194603,
        VideoSecond: 5,
        VideoFormat: 'mp4',
        ThumbUrl: 'https://x/t.jpg',
        ThumbWidth: 720,
        ThumbHeight: 1280,
      },
    },
  ],
  image: [
    {
      MsgType: 'TIMImageElem',
      MsgContent: {
        UUID: 'img',
        ImageFormat: 1,
        ImageInfoArray: [
          { Type: 1, Size: 1800, Width: 640, Height: 480, URL: 'https://x/i.jpg' },
          { Type: 2, Size: 900, Width: 320, Height: 240, URL: 'https://x/i-l.jpg' },
          { Type: 3, Size: 300, Width: 160, Height: 120, URL: 'https://x/i-t.jpg' },
        ],
      },
    },
  ],
  'two elements': [
    { MsgType: 'TIMTextElem', MsgContent: { Text: 'look' } },
    { MsgType: 'TIMFaceElem', MsgContent: { Index: 2, Data: 'smile' } },
  ],
};

/** The record each history source holds for the message a callback reports (§1.17–§1.19). */
export function historyRecord(callback: Body, source: 'file' | 'roaming' | 'group read'): Body {
  const ccd = callback.CloudCustomData === undefined ? {} : { CloudCustomData: callback.CloudCustomData };
  const { From_Account, MsgSeq, MsgBody, MsgTime } = callback;
  if (callback.GroupId === undefined) {
    const { To_Account, MsgRandom } = callback;
    if (source === 'file')
      return { From_Account, To_Account, MsgTimestamp: MsgTime, MsgSeq, MsgRandom, MsgBody, ...ccd };
    return {
      From_Account,
      To_Account,
      MsgSeq,
      MsgRandom,
      MsgTimeStamp: MsgTime,
      MsgFlagBits: 0,
      IsPeerRead: 0,
      MsgKey: `${String(MsgSeq)}_${String(MsgRandom)}_${String(MsgTime)}`,
      MsgBody,
      ...ccd,
    };
  }
  // The file's group lines carry GroupId and no MsgRandom; group_msg_get_simple's items the reverse.
  if (source === 'file')
    return { From_Account, GroupId: callback.GroupId, MsgTimestamp: MsgTime, MsgSeq, MsgBody, ...ccd };
  return {
    From_Account,
    IsPlaceMsg: 0,
    IsSystemMsg: 0,
    MsgBody,
    MsgPriority: 1,
    MsgRandom: callback.Random,
    MsgSeq,
    MsgTimeStamp: MsgTime,
    ...ccd,
  };
}

/** The history message each reader makes of the record (the group read passes the group it asked for). */
export function readBack(record: Body, groupId: string | undefined): HistoryMessage {
  const message = tencentHistoryRecordToMessage(record, groupId === undefined ? 'C2C' : 'group', groupId);
  if (!message) throw new Error('the mapper refused the record');
  return message;
}

/**
 * History messages of the post-send fixtures with every element, from each record shape, and a recalled one
 * of each kind: what the reconcile conformance check recovers events from.
 */
export function tencentHistoryMessages(): HistoryMessage[] {
  const out: HistoryMessage[] = [];
  for (const name of ['C2C.CallbackAfterSendMsg', 'Group.CallbackAfterSendMsg']) {
    const printed = FIXTURES.load(name).body as Body;
    const groupId = printed.GroupId === undefined ? undefined : String(printed.GroupId);
    const shapes = groupId === undefined ? (['file', 'roaming'] as const) : (['file', 'group read'] as const);
    for (const body of Object.values(ELEMENTS))
      for (const shape of shapes)
        out.push(readBack(historyRecord({ ...printed, MsgBody: body }, shape), groupId));
    const recalled = historyRecord(printed, shapes[1]);
    out.push({ ...readBack(recalled, groupId), recalled: true });
  }
  return out;
}
