import { describe, expect, it } from '@jest/globals';
import { callWithFreshCredential, type CredentialCache } from './credential-retry.js';

/** A cache handing out `c1`, `c2`, … and recording what was invalidated. */
function cache(): CredentialCache & { invalidated: string[] } {
  let n = 1;
  let current: string | undefined;
  const invalidated: string[] = [];
  return {
    invalidated,
    get: () => (current ??= `c${n++}`),
    invalidate: (value) => {
      invalidated.push(value);
      if (current === value) current = undefined;
    },
  };
}

describe('callWithFreshCredential', () => {
  it('calls once when the credential is accepted', async () => {
    const credentials = cache();
    const calls: [string, number][] = [];
    const answer = await callWithFreshCredential(
      credentials,
      1000,
      async (c, t) => (calls.push([c, t]), 'ok'),
      () => false,
    );
    expect({ answer, calls, invalidated: credentials.invalidated }).toEqual({
      answer: 'ok',
      calls: [['c1', 1000]],
      invalidated: [],
    });
  });

  it('drops a refused credential and calls once more with a fresh one, within the time left', async () => {
    const credentials = cache();
    let clock = 0;
    const calls: [string, number][] = [];
    const answer = await callWithFreshCredential(
      credentials,
      1000,
      async (c, t) => {
        calls.push([c, t]);
        clock += 300;
        return c === 'c1' ? 'refused' : 'ok';
      },
      (a) => a === 'refused',
      () => clock,
    );
    expect({ answer, calls, invalidated: credentials.invalidated }).toEqual({
      answer: 'ok',
      calls: [
        ['c1', 1000],
        ['c2', 700],
      ],
      invalidated: ['c1'],
    });
  });

  it('answers the second refusal as the vendor gave it', async () => {
    const answer = await callWithFreshCredential(
      cache(),
      1000,
      async () => 'refused',
      () => true,
    );
    expect(answer).toBe('refused');
  });
});
