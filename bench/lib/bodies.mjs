// Realistic callback bodies: an Easemob text message callback (seed 000: the common fields of a message
// callback, payload of "文字以及透传消息") and a Tencent Group.CallbackAfterSendMsg (seed 002), each with a
// unique id per request and the vendor's signature.
import { createHash, randomUUID } from 'node:crypto';

export const EASEMOB_APP = {
  orgName: '1102190223222824',
  appName: 'lxml',
  clientId: 'YXA6bench-client-id',
  clientSecret: 'YXA6bench-client-secret',
  callbackSecret: 'bench-callback-secret',
};
export const TENCENT_APP = {
  sdkAppId: 1400000000,
  secretKey: 'bench-secret-key-0123456789abcdef',
  adminIdentifier: 'administrator',
  callbackToken: 'bench-callback-token',
};
const APPKEY = `${EASEMOB_APP.orgName}#${EASEMOB_APP.appName}`;
const RUN = randomUUID().slice(0, 8);

/** The marker a delivered webhook carries back, so the receiver can tell which callback it came from. */
export const marker = (seq) => `bench-${RUN}-${seq}-`;
export const MARKER_RE = new RegExp(`bench-${RUN}-(\\d+)-`);

export function easemobText(seq) {
  const timestamp = Date.now();
  const callId = `${APPKEY}_${RUN}${String(seq).padStart(12, '0')}`;
  const body = {
    callId,
    eventType: 'chat',
    timestamp,
    chat_type: 'chat',
    from: `user${seq % 1000}`,
    to: `user${(seq + 1) % 1000}`,
    msg_id: String(1_100_000_000_000_000_000n + BigInt(seq)),
    payload: { ext: {}, bodies: [{ msg: `${marker(seq)} 你好, see you at 8?`, type: 'txt' }] },
    securityVersion: '1.0.0',
    security: createHash('md5').update(`${callId}${EASEMOB_APP.callbackSecret}${timestamp}`).digest('hex'),
    appkey: APPKEY,
    host: 'msync@ebs-ali-beijing-msync1',
  };
  return JSON.stringify(body);
}

let signSecond = 0;
let sign = '';
/** Query string of a Tencent callback with RequestTime + Sign (sha256(token + RequestTime)). */
export function tencentQuery(command) {
  const now = Math.floor(Date.now() / 1000);
  if (now !== signSecond) {
    signSecond = now;
    sign = createHash('sha256').update(`${TENCENT_APP.callbackToken}${now}`).digest('hex');
  }
  return `SdkAppid=${TENCENT_APP.sdkAppId}&CallbackCommand=${command}&contenttype=json&ClientIP=127.0.0.1&OptPlatform=Android&RequestTime=${signSecond}&Sign=${sign}`;
}

export function tencentGroupMsg(seq) {
  const now = Date.now();
  return JSON.stringify({
    CallbackCommand: 'Group.CallbackAfterSendMsg',
    GroupId: '@TGS#2J4SZEAEL',
    Type: 'Public',
    From_Account: 'jared',
    Operator_Account: 'admin',
    Random: (seq * 2654435761) >>> 0,
    MsgSeq: seq + 1,
    MsgTime: Math.floor(now / 1000),
    OnlineOnlyFlag: 1,
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `${marker(seq)} red packet` } }],
    CloudCustomData: 'your cloud custom data',
    EventTime: now,
    GroupAtInfo: [
      { GroupAtAllFlag: 1 },
      { GroupAtAllFlag: 0, GroupAt_Account: 'brennan' },
      { GroupAtAllFlag: 0, GroupAt_Account: 'tandy' },
    ],
  });
}

/** Request `seq` of the mixed callback load: even = Easemob text, odd = Tencent group message. */
export function callbackRequest(seq, paths) {
  if (seq % 2 === 0) return { path: paths.easemob, body: easemobText(seq) };
  return {
    path: `${paths.tencent}?${tencentQuery('Group.CallbackAfterSendMsg')}`,
    body: tencentGroupMsg(seq),
  };
}
