import { describe, expect, it } from '@jest/globals';
import { MIGRATION_KINDS, type MigrationKind } from '@im-gateway/types';
import { EASEMOB_LIKE, TENCENT_LIKE } from '../support/migration-plan.fixtures.js';
import {
  batchSize,
  MigrationPlanError,
  planKinds,
  type MigrationSide,
} from '../../src/migrations/migration-kinds.plan.js';

const tencent: MigrationSide = { displayName: 'Tencent', migration: TENCENT_LIKE };
const easemob: MigrationSide = { displayName: 'Easemob', migration: EASEMOB_LIKE };

function plan(
  scope: readonly MigrationKind[],
  opts: { explicit?: boolean; users?: boolean; from?: MigrationSide; to?: MigrationSide } = {},
) {
  return planKinds({
    scope,
    explicit: opts.explicit ?? true,
    source: opts.from ?? tencent,
    target: opts.to ?? easemob,
    hasUserList: opts.users ?? false,
  });
}

function planError(fn: () => unknown): MigrationPlanError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MigrationPlanError) return error;
    throw error;
  }
  throw new Error('no plan error');
}

describe('planKinds', () => {
  it('orders the kinds as the vendors require, whatever the order asked', () => {
    const kinds = plan(['blocklists', 'history', 'members', 'groups', 'accounts', 'contacts'], {
      users: true,
    }).map((p) => p.kind);
    expect(kinds).toEqual(['accounts', 'groups', 'members', 'history', 'contacts', 'blocklists']);
    expect(kinds).toEqual(MIGRATION_KINDS.filter((k) => kinds.includes(k)));
  });

  it('refuses accounts from a source that cannot list them, unless a user list is given (the alternative)', () => {
    const error = planError(() => plan(['accounts']));
    expect(error).toMatchObject({ kind: 'accounts', status: 422 });
    expect(error.message).toBe(
      'Tencent cannot list accounts (no API lists all accounts): give a user list (users).',
    );
    expect(plan(['accounts'], { users: true })).toEqual([
      { kind: 'accounts', read: 'upload', skipReason: null },
    ]);
  });

  it('takes a user list over a source that can list accounts: the job is limited to those users', () => {
    expect(plan(['accounts'], { from: easemob, to: tencent, users: true })[0]?.read).toBe('upload');
    expect(plan(['accounts'], { from: easemob, to: tencent })[0]?.read).toBe('reader');
  });

  it('plans a kind the target cannot import, its items skipped with the reason', () => {
    expect(plan(['chatrooms'])).toEqual([
      {
        kind: 'chatrooms',
        read: 'reader',
        skipReason: 'Easemob cannot import chatrooms: rooms are transient',
      },
    ]);
  });

  it('refuses a kind the source cannot read when named, and skips it in the default scope', () => {
    const error = planError(() => plan(['history'], { from: easemob, to: tencent }));
    expect(error).toMatchObject({ kind: 'history', status: 422 });
    const defaults = plan(['groups', 'history'], { from: easemob, to: tencent, explicit: false });
    expect(defaults).toEqual([
      { kind: 'groups', read: 'reader', skipReason: null },
      { kind: 'history', read: 'none', skipReason: 'Easemob cannot read history: it reads no history' },
    ]);
  });

  it('needs users for per-user kinds and groups for per-group kinds (400)', () => {
    expect(planError(() => plan(['contacts']))).toMatchObject({ kind: 'contacts', status: 400 });
    expect(plan(['contacts'], { users: true }).map((p) => p.kind)).toEqual(['contacts']);
    expect(planError(() => plan(['mutes'], { users: true }))).toMatchObject({ kind: 'mutes', status: 400 });
    expect(plan(['groups', 'mutes']).map((p) => p.kind)).toEqual(['groups', 'mutes']);
  });

  it('refuses everything from a provider without migration support, and skips everything into one', () => {
    expect(
      planError(() => plan(['groups'], { from: { displayName: 'X', migration: undefined } })).status,
    ).toBe(422);
    expect(plan(['groups'], { to: { displayName: 'X', migration: undefined } })[0]?.skipReason).toBe(
      'X declares no migration support',
    );
  });

  it('sizes batches by the target, at least one', () => {
    expect(batchSize(TENCENT_LIKE, 'members')).toBe(300);
    expect(batchSize(EASEMOB_LIKE, 'members')).toBe(60);
    expect(batchSize(undefined, 'history')).toBe(1);
  });
});
