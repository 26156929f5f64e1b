import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTencentEmulator, type TencentEmulator } from '../src/index.js';
import { post, TENCENT_APP, tencentQuery, text } from './helpers.js';

let emu: TencentEmulator;
let query: string;
const call = (path: string, body: unknown) =>
  post(`${emu.url}/v4/${path}?${query}`, body).then((r) => r.json);

// The emulator's clock stands still: a burst counts inside one window however slowly a loaded machine sends it.
const NOW = Date.now();

beforeAll(async () => {
  emu = await startTencentEmulator({ apps: [TENCENT_APP], now: () => NOW });
  query = tencentQuery();
});
afterAll(() => emu.close());

describe('Tencent limits (tencent.md §4.2–4.3)', () => {
  it('drops group messages over 40 a second with MsgDropReason MsgFreqCtrl, still ErrorCode 0', async () => {
    const results = await Promise.all(
      // 41 different messages (Random differs): the same message again would be a repeat, dropped as such.
      Array.from({ length: 41 }, (_, i) =>
        call('group_open_http_svc/send_group_msg', { GroupId: 'busy', Random: i + 1, MsgBody: text('x') }),
      ),
    );
    expect(results.every((r) => r['ErrorCode'] === 0)).toBe(true);
    expect(results.filter((r) => r['MsgDropReason'] === 'MsgFreqCtrl')).toHaveLength(1);
    expect(emu.messages({ to: 'busy' })).toHaveLength(40);
    const quiet = await call('group_open_http_svc/send_group_msg', {
      GroupId: 'quiet',
      Random: 1,
      MsgBody: text('x'),
    });
    expect(quiet).not.toHaveProperty('MsgDropReason');
  });

  it('answers 60007 past 200 calls a second on one API, other APIs unaffected', async () => {
    const results = await Promise.all(
      Array.from({ length: 201 }, () =>
        call('openim/sendmsg', { To_Account: 'a', MsgRandom: 1, MsgBody: text('x') }),
      ),
    );
    expect(results.filter((r) => r['ErrorCode'] === 60007)).toHaveLength(1);
    expect(
      (await call('openim/batchsendmsg', { To_Account: ['a'], MsgRandom: 1, MsgBody: text('x') }))[
        'ErrorCode'
      ],
    ).toBe(0);
  });

  it('answers 60007 past 100 account imports a second', async () => {
    const results = await Promise.all(
      Array.from({ length: 101 }, (_, i) => call('im_open_login_svc/account_import', { UserID: `u${i}` })),
    );
    expect(results.filter((r) => r['ErrorCode'] === 60007)).toHaveLength(1);
  });
});
