import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { goldenIds, loadConformanceFixtures } from '@im-gateway/provider-kit/conformance';
import { idProblem } from '@im-gateway/types';
import { TENCENT_CAPABILITIES } from '../src/tencent.capabilities.js';

const { ids } = TENCENT_CAPABILITIES;
const found = loadConformanceFixtures(fileURLToPath(new URL('..', import.meta.url))).flatMap((f) =>
  goldenIds(f.golden).map((g) => ({ ...g, fixture: f.name })),
);

describe('Tencent id rules against the ids in the golden events', () => {
  // Each id passing its rule is the conformance suite's `ids: <fixture>` check. Tencent's examples print no
  // masked ids: even `@TGS#xxxx` is a valid custom GroupId, so none is left out there.
  // AVChatRoom callbacks are group callbacks, so no golden event has a chat-room conversation.
  it('have user and group ids to check', () => {
    expect(new Set(found.map((g) => g.kind))).toEqual(new Set(['user', 'group']));
  });
});

describe('Tencent id rules', () => {
  it('count user ids in bytes, up to 32', () => {
    expect(idProblem(ids.user, '用户'.repeat(5) + 'ab')).toBeNull();
    expect(idProblem(ids.user, '用户'.repeat(5) + 'abc')).toBe('is 33 bytes, longer than 32');
  });

  it('take any user id without control characters, as no character set is documented', () => {
    expect(idProblem(ids.user, '@TOA#_2J4SZEAEL')).toBeNull();
    expect(idProblem(ids.user, 'a\rb')).toBe(
      'must match any character but control characters (U+0000–U+001F, U+007F)',
    );
  });

  it('take group and chat-room ids of printable ASCII, up to 48 bytes', () => {
    expect(idProblem(ids.group, '@TGS#2J4SZEAEL')).toBeNull();
    expect(idProblem(ids.chatroom, 'x'.repeat(48))).toBeNull();
    expect(idProblem(ids.chatroom, 'x'.repeat(49))).toBe('is 49 bytes, longer than 48');
    expect(idProblem(ids.group, '群1')).toBe('must match printable ASCII (0x20–0x7e)');
  });
});
