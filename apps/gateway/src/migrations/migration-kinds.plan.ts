import {
  MIGRATION_KINDS,
  type DirectoryKind,
  type MigrationCapabilities,
  type MigrationKind,
  type MigrationSupport,
} from '@im-gateway/types';

/**
 * Which kinds a job runs, in which order, and how each is read: pure, from both providers' declared
 * migration capabilities. No framework, no database: the service and the runner share it, and its spec
 * covers every rule.
 */

/** One side of a job: the provider's name for messages, and what it declares (absent: no migration). */
export interface MigrationSide {
  displayName: string;
  migration: MigrationCapabilities | undefined;
}

/** How a kind is planned: read from the source (`reader`) or from the caller's list (`upload`). */
export interface KindPlan {
  kind: MigrationKind;
  read: 'reader' | 'upload' | 'none';
  /** Set when nothing of the kind can be imported: its items are read and planned as skipped with this reason. */
  skipReason: string | null;
}

/** Why a job cannot be planned: the HTTP layer turns `status` 422 into `capability_unsupported`, 400 into `invalid_request`. */
export class MigrationPlanError extends Error {
  constructor(
    readonly kind: MigrationKind,
    readonly status: 400 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** Kinds read per user of the job (the accounts read or the caller's list). */
export const PER_USER_KINDS: readonly MigrationKind[] = ['profiles', 'contacts', 'blocklists'];
/** Kinds read per group of the job. */
export const PER_GROUP_KINDS: readonly MigrationKind[] = ['members', 'mutes'];

function readSupport(side: MigrationCapabilities, kind: MigrationKind): MigrationSupport {
  if (kind === 'history')
    return side.history.read.conversations.length > 0
      ? { supported: true }
      : { supported: false, reason: 'it reads no history' };
  return side.directory.read[kind as DirectoryKind];
}

function importSupport(side: MigrationCapabilities, kind: MigrationKind): MigrationSupport {
  if (kind === 'history')
    return Object.keys(side.history.import.contents).length > 0
      ? { supported: true }
      : { supported: false, reason: 'it imports no history' };
  return side.directory.import[kind as DirectoryKind];
}

/**
 * The plan of a job's kinds, in the vendors' order (`MIGRATION_KINDS`: accounts → profiles → groups →
 * members → mutes → chat rooms → history → contacts → blocklists). A kind the target cannot import is
 * planned, its items skipped with the target's reason. A kind the source cannot read fails the plan (422)
 * when the caller named it, unless the documented alternative applies (accounts: the caller's user list);
 * in the default scope (every kind) it is left out as skipped instead, so a job of "everything" runs what
 * can run. Per-user kinds need users (accounts in the scope or a user list), per-group kinds need groups.
 */
export function planKinds(input: {
  scope: readonly MigrationKind[];
  /** Whether the caller named the kinds (else: the default scope). */
  explicit: boolean;
  source: MigrationSide;
  target: MigrationSide;
  hasUserList: boolean;
}): KindPlan[] {
  const { source, target, hasUserList } = input;
  const { explicit } = input;
  const wanted = new Set(input.scope);
  const plans: KindPlan[] = [];
  for (const kind of MIGRATION_KINDS) {
    if (!wanted.has(kind)) continue;
    const sourceCaps = source.migration;
    if (!sourceCaps)
      throw new MigrationPlanError(
        kind,
        422,
        `${source.displayName} declares no migration support: nothing can be read.`,
      );
    const read = readSupport(sourceCaps, kind);
    let how: KindPlan['read'] = 'reader';
    if (kind === 'accounts' && hasUserList) how = 'upload';
    else if (!read.supported) {
      if (read.alternative === 'upload')
        throw new MigrationPlanError(
          kind,
          422,
          `${source.displayName} cannot list ${kind} (${read.reason}): give a user list (users).`,
        );
      if (explicit)
        throw new MigrationPlanError(kind, 422, `${source.displayName} cannot read ${kind}: ${read.reason}`);
      plans.push({
        kind,
        read: 'none',
        skipReason: `${source.displayName} cannot read ${kind}: ${read.reason}`,
      });
      continue;
    }
    const imp = target.migration ? importSupport(target.migration, kind) : null;
    const skipReason =
      imp === null
        ? `${target.displayName} declares no migration support`
        : imp.supported
          ? null
          : `${target.displayName} cannot import ${kind}: ${imp.reason}`;
    plans.push({ kind, read: how, skipReason });
  }
  const has = (k: MigrationKind) => plans.some((p) => p.kind === k && p.read !== 'none');
  for (const plan of plans) {
    if (plan.read === 'none') continue;
    if (PER_USER_KINDS.includes(plan.kind) && !has('accounts') && !hasUserList)
      throw new MigrationPlanError(
        plan.kind,
        400,
        `${plan.kind} are read per user: include accounts in the scope or give a user list (users).`,
      );
    if (PER_GROUP_KINDS.includes(plan.kind) && !has('groups'))
      throw new MigrationPlanError(
        plan.kind,
        400,
        `${plan.kind} are read per group: include groups in the scope.`,
      );
  }
  return plans;
}

/** Items per import call of a kind on the target (at least one). */
export function batchSize(target: MigrationCapabilities | undefined, kind: MigrationKind): number {
  return Math.max(1, target?.importBatch[kind] ?? 1);
}
