import { describe, expect, it } from '@jest/globals';
import { progressOf } from '../../src/migrations/migration-progress.js';

describe('progressOf', () => {
  it('counts each kind of the scope, its rate over the last minute and the time left at that rate', () => {
    const progress = progressOf(
      {
        accounts: { phase: 'done', read: 'upload', cursor: null },
        history: { phase: 'importing', read: 'reader', cursor: 'c' },
      },
      ['accounts', 'history', 'contacts'],
      [
        { kind: 'accounts', status: 'done', count: 4, recent: 0 },
        { kind: 'history', status: 'done', count: 120, recent: 60 },
        { kind: 'history', status: 'skipped', count: 3, recent: 0 },
        { kind: 'history', status: 'pending', count: 30, recent: 0 },
      ],
    );
    expect(progress.accounts).toEqual({
      phase: 'done',
      total: 4,
      done: 4,
      skipped: 0,
      failed: 0,
      pending: 0,
      ratePerSecond: 0,
      etaSeconds: 0,
      reason: null,
    });
    expect(progress.history).toEqual({
      phase: 'importing',
      total: 153,
      done: 120,
      skipped: 3,
      failed: 0,
      pending: 30,
      ratePerSecond: 1,
      etaSeconds: 30,
      reason: null,
    });
    expect(progress.contacts).toMatchObject({ phase: 'waiting', total: 0 });
  });

  it('names why a whole kind is skipped', () => {
    const progress = progressOf(
      {
        chatrooms: {
          phase: 'skipped',
          read: 'none',
          cursor: null,
          reason: 'X cannot read chatrooms: no list',
        },
      },
      ['chatrooms'],
      [],
    );
    expect(progress.chatrooms).toMatchObject({
      phase: 'skipped',
      total: 0,
      reason: 'X cannot read chatrooms: no list',
    });
  });

  it('has no ETA while pending items do not move', () => {
    const progress = progressOf({}, ['groups'], [{ kind: 'groups', status: 'pending', count: 5, recent: 0 }]);
    expect(progress.groups).toMatchObject({ pending: 5, ratePerSecond: 0, etaSeconds: null });
  });
});
