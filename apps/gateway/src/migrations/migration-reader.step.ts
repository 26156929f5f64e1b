import { Injectable } from '@nestjs/common';
import {
  MigrationItemRepository,
  MigrationJobRepository,
  nowIso,
  RelayedMessageRepository,
  type MigrationKindState,
  type NewMigrationItem,
} from '@im-gateway/persistence';
import type { HistoryMessage, MigrationKind, MigrationPage } from '@im-gateway/types';
import { planItem } from './migration-items.plan.js';
import { migrationApiOf, type JobRun } from './migration-job.context.js';

/** Users whose profiles are read per call (the providers chunk further if their vendor needs it). */
const USERS_PER_READ = 100;

/** The owner kinds read per user of the job, or per group. */
const OWNER_KIND: Partial<Record<MigrationKind, 'accounts' | 'groups'>> = {
  profiles: 'accounts',
  contacts: 'accounts',
  blocklists: 'accounts',
  members: 'groups',
  mutes: 'groups',
};

/**
 * Reads one page of a kind from the source and stores its items, planned (pending or skipped), then the
 * cursor: a crash between the two reads the page again, and the items' unique keys make that harmless.
 * Kinds read per user or per group walk the owners in key order, keeping the owner and the reader's cursor.
 */
/**
 * A history message as a job stores it: without the vendor's record (`raw`), which only reconciliation
 * keeps (as a recovered event's `raw`); an import needs the unified fields alone, and the record would
 * double what each item stores.
 */
function withoutRaw(message: HistoryMessage): HistoryMessage {
  const { raw: _raw, ...rest } = message;
  return rest;
}

@Injectable()
export class MigrationReadStep {
  constructor(
    private readonly items: MigrationItemRepository,
    private readonly jobs: MigrationJobRepository,
    private readonly pairs: RelayedMessageRepository,
  ) {}

  /** Reads the next page; returns true when the kind is read in full. */
  async page(run: JobRun, kind: MigrationKind): Promise<boolean> {
    const state = run.job.kinds[kind]!;
    const read = await this.read(run, kind, state);
    if (read.items.length > 0) await this.store(run, kind, state, read.items);
    const next: MigrationKindState = { ...state, ...read.state };
    run.job.kinds = { ...run.job.kinds, [kind]: next };
    await this.jobs.update(run.job.id, { kinds: run.job.kinds }, nowIso());
    return read.complete;
  }

  private async store(
    run: JobRun,
    kind: MigrationKind,
    state: MigrationKindState,
    raw: unknown[],
  ): Promise<void> {
    const { job, target } = run;
    let relayedLive = new Set<string>();
    if (kind === 'history')
      relayedLive = await this.pairs.copiedSources(
        job.bridgeId,
        job.sourceAppId,
        job.targetAppId,
        (raw as HistoryMessage[]).map((m) => m.messageId),
      );
    let sequence = state.sequence ?? 0;
    const planned: NewMigrationItem[] = raw.map((item) => {
      const p = planItem(kind, item, {
        kindSkip: state.reason ?? null,
        target: target.provider.capabilities.migration,
        targetName: target.provider.displayName,
        sequence: sequence++,
        relayedLive,
      });
      return { kind, payload: kind === 'history' ? withoutRaw(item as HistoryMessage) : item, ...p };
    });
    await this.items.insertPage(job.id, planned, nowIso());
    if (kind === 'history') state.sequence = sequence;
  }

  private async read(
    run: JobRun,
    kind: MigrationKind,
    state: MigrationKindState,
  ): Promise<{ items: unknown[]; state: Partial<MigrationKindState>; complete: boolean }> {
    const { job, source } = run;
    const reader = migrationApiOf(source).reader;
    const config = source.config;
    const ctx = run.context(source);
    const paged = (page: MigrationPage<unknown>) => ({
      items: page.items,
      state: { cursor: page.next },
      complete: page.next === null,
    });
    switch (kind) {
      case 'accounts':
        if (state.read === 'upload')
          return { items: (job.users ?? []).map((userId) => ({ userId })), state: {}, complete: true };
        return paged(await reader.accounts!(config, state.cursor, ctx));
      case 'groups':
        return paged(await reader.groups(config, state.cursor, ctx));
      case 'chatrooms':
        return paged(await reader.chatrooms(config, state.cursor, ctx));
      case 'history': {
        const window = { from: Date.parse(job.historyFrom!), to: Date.parse(job.historyTo!) };
        return paged(await reader.history(config, window, state.cursor, ctx));
      }
      case 'profiles': {
        const users = await this.owners(run, 'accounts', state.owner ?? null, USERS_PER_READ);
        const last = users[users.length - 1];
        if (!last) return { items: [], state: {}, complete: true };
        const items = await reader.profiles(config, users, ctx);
        return { items, state: { owner: last }, complete: users.length < USERS_PER_READ };
      }
      case 'members':
      case 'mutes':
      case 'contacts':
      case 'blocklists':
        return this.perOwner(run, kind, state);
    }
  }

  /** One page of one owner's items; the owner moves on when its pages are read. */
  private async perOwner(run: JobRun, kind: MigrationKind, state: MigrationKindState) {
    const { source } = run;
    const reader = migrationApiOf(source).reader;
    const ctx = run.context(source);
    const ownerKind = OWNER_KIND[kind]!;
    // `owner` is the owner being read; `cursor` its reader cursor. A fresh kind starts at the first owner.
    const owner = state.owner ?? (await this.owners(run, ownerKind, null, 1))[0];
    if (owner === undefined) return { items: [], state: {}, complete: true };
    let page: MigrationPage<unknown>;
    if (kind === 'members') page = await reader.members(source.config, owner, state.cursor, ctx);
    else if (kind === 'mutes') page = { items: await reader.mutes(source.config, owner, ctx), next: null };
    else if (kind === 'contacts') page = await reader.contacts(source.config, owner, state.cursor, ctx);
    else page = await reader.blocklist(source.config, owner, state.cursor, ctx);
    if (page.next !== null)
      return { items: page.items, state: { owner, cursor: page.next }, complete: false };
    const [next] = await this.owners(run, ownerKind, owner, 1);
    return {
      items: page.items,
      state: { owner: next ?? owner, cursor: null },
      complete: next === undefined,
    };
  }

  /** The job's users (its list, or the accounts read) or groups after `after`, in key order. */
  private async owners(run: JobRun, kind: 'accounts' | 'groups', after: string | null, limit: number) {
    const { job } = run;
    if (kind === 'accounts' && job.users)
      return [...job.users]
        .sort()
        .filter((u) => after === null || u > after)
        .slice(0, limit);
    return this.items.sourceKeys(job.id, kind, after, limit);
  }
}
