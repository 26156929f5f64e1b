import { Injectable } from '@nestjs/common';
import {
  MigrationItemRepository,
  nowIso,
  RelayedMessageRepository,
  type PendingMigrationItem,
  type MigrationItemFinish,
} from '@im-gateway/persistence';
import {
  RELAY_EXT_KEY,
  VendorRequestError,
  ImGatewayError,
  type HistoryMessage,
  type MigrationAccount,
  type MigrationBlock,
  type MigrationChatroom,
  type MigrationContact,
  type MigrationGroup,
  type MigrationItemResult,
  type MigrationKind,
  type MigrationMember,
  type MigrationMute,
  type MigrationUserProfile,
  type RelayMarker,
} from '@im-gateway/types';
import { IdMapper } from '../bridges/mappings/id-mapper.js';
import { batchSize } from './migration-kinds.plan.js';
import { mapItemIds, type IdLookup } from './migration-ids.plan.js';
import { historyContentsFor, KEYED_KINDS } from './migration-items.plan.js';
import { migrationApiOf, type JobRun } from './migration-job.context.js';
import { batchesByKey } from './migration-batches.js';
import { runLanes, type LanesEnd, type LaneSource } from './migration-lanes.js';
import { MIGRATION_PAIR_PREFIX, MigrationPairs, type ImportedItem } from './migration-pairs.js';
import type { PasswordPolicy } from './migration-password.js';

/**
 * Lanes a kind imports with at once. One unit at a time cannot use a vendor's budget: at 200 calls/s a call
 * may take 5 ms in all, and a call to the vendor plus the rows written for it take longer. The limiter still
 * paces every call to the documented rate; lanes only keep calls waiting for it. History has two streams of
 * units (one-to-one and group conversations, two import APIs with a budget each), and the lanes spread over
 * both.
 */
export const IMPORT_LANES = 8;
/**
 * Batches a lane reads at once from its conversation (or takes as one chunk of a kind without one): the reads
 * before the calls (the items, the message-id pairs) are shared by that many import calls.
 */
export const RUN_BATCHES = 8;
/** Keys a source reads at once from the job's pending items. */
const KEYS_PER_READ = 32;
/**
 * Keys a lane takes at once where they are short: one-to-one conversations (mostly a message or two) and
 * owners' contacts or blocks. One read of their items and one of their message-id pairs then serve them all,
 * instead of two reads for every message or so. A group's members, mutes or history are long: one key a lane.
 */
const SHORT_KEYS_PER_UNIT = 8;
/** Kinds keyed by an owner, whose keys are short (see `SHORT_KEYS_PER_UNIT`). */
const OWNER_KINDS: ReadonlySet<MigrationKind> = new Set(['contacts', 'blocklists']);

/** What the runner lets the lanes know and do between units. */
export interface ImportControl {
  /** Asked before each run of batches: false starts no more (paused, cancelled, lease lost, shutting down). */
  proceed(): Promise<boolean>;
  /** The results of each run of batches, once recorded. */
  recorded(results: readonly MigrationItemFinish[]): void;
}

/** An item ready to send: the stored row and its payload with the target's ids. */
interface Ready {
  row: PendingMigrationItem;
  source: unknown;
  mapped: unknown;
  /** The key the writer answers this item under (see `MigrationWriter`). */
  key: string;
}

/** The key the writer's results name an item by, per kind (the contract's `Key:` of each method). */
function resultKey(kind: MigrationKind, mapped: unknown): string {
  switch (kind) {
    case 'accounts':
    case 'profiles':
    case 'members':
    case 'mutes':
      return (mapped as { userId: string }).userId;
    case 'contacts':
      return (mapped as MigrationContact).friend;
    case 'blocklists':
      return (mapped as MigrationBlock).blocked;
    case 'history':
      return (mapped as HistoryMessage).messageId;
    case 'groups':
      return (mapped as MigrationGroup).groupId;
    case 'chatrooms':
      return (mapped as MigrationChatroom).roomId;
  }
}

function errorOf(error: unknown): { code: string; message: string; vendorCode?: string } {
  if (error instanceof VendorRequestError || error instanceof ImGatewayError) {
    const vendorCode = (error as { vendorCode?: unknown }).vendorCode;
    return {
      code: error.code,
      message: error.message,
      ...(typeof vendorCode === 'string' ? { vendorCode } : {}),
    };
  }
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Imports a kind's pending items: lanes of runs of batches, each batch at most the target's `importBatch`
 * items of one group, owner or conversation (for the kinds imported per group, owner or conversation). Each
 * item's ids are mapped
 * again on every attempt (a retry after a mapping upload succeeds); an item that cannot be mapped, or that
 * the target's id rule refuses, fails alone. History messages get the relay marker and, once imported, a
 * pair in the message-id map, the record the live relay shares.
 */
@Injectable()
export class MigrationImportStep {
  constructor(
    private readonly items: MigrationItemRepository,
    private readonly relayedMessages: RelayedMessageRepository,
    private readonly mapper: IdMapper,
    private readonly pairs: MigrationPairs,
  ) {}

  /**
   * One pass over a kind's pending items, `IMPORT_LANES` lanes at once per import API (see `runLanes`): each
   * lane imports one group whole, in order, or several short conversations or owners, or a chunk of a kind
   * imported without one. `stopped`:
   * `control.proceed` said stop, so items may be left; else every item pending when the pass began was
   * imported (or failed, or skipped).
   */
  async pass(
    run: JobRun,
    kind: MigrationKind,
    passwords: PasswordPolicy,
    control: ImportControl,
  ): Promise<LanesEnd> {
    const size = batchSize(run.target.provider.capabilities.migration, kind);
    const runLength = size * RUN_BATCHES;
    const jobId = run.job.id;
    const importRun = async (rows: PendingMigrationItem[]) =>
      control.recorded(await this.importRows(run, kind, rows, size, passwords));
    // The job's items were just loaded: the planner must know them before the lanes record their batches.
    await this.items.analyze();

    if (!KEYED_KINDS.has(kind)) {
      let after: string | null = null;
      const chunks: LaneSource<PendingMigrationItem[]> = async () => {
        const rows = await this.items.pendingUnkeyed(jobId, kind, after, runLength * IMPORT_LANES);
        after = rows.at(-1)?.id ?? after;
        const units: PendingMigrationItem[][] = [];
        for (let i = 0; i < rows.length; i += runLength) units.push(rows.slice(i, i + runLength));
        return units;
      };
      return runLanes({
        lanes: IMPORT_LANES,
        sources: [chunks],
        run: async (rows) => {
          if (!(await control.proceed())) return false;
          await importRun(rows);
          return true;
        },
      });
    }

    /** Units of `perUnit` keys, from a cursor over the kind's pending keys (one-to-one ones or the others). */
    const keys = (perUnit: number, joined?: boolean): LaneSource<string[]> => {
      let after: string | null = null;
      return async () => {
        const found = await this.items.pendingKeys(jobId, kind, after, KEYS_PER_READ, joined);
        after = found.at(-1) ?? after;
        const units: string[][] = [];
        for (let i = 0; i < found.length; i += perUnit) units.push(found.slice(i, i + perUnit));
        return units;
      };
    };
    // One-to-one and group history import through two APIs, each with its own budget: a stream each, with
    // lanes enough for one API each, shared by the calls each stream needs (lanes of a stream that runs dry
    // move to the other).
    const history = kind === 'history';
    const sources = history
      ? [keys(SHORT_KEYS_PER_UNIT, true), keys(1, false)]
      : [keys(OWNER_KINDS.has(kind) ? SHORT_KEYS_PER_UNIT : 1)];
    return runLanes({
      lanes: IMPORT_LANES * sources.length,
      sources,
      weights: history ? await this.historyCalls(jobId, size) : undefined,
      run: async (unit) => {
        for (;;) {
          if (!(await control.proceed())) return false;
          const rows = await this.items.pendingOfKeys(jobId, kind, unit, runLength);
          if (rows.length > 0) await importRun(rows);
          if (rows.length < runLength) return true;
        }
      },
    });
  }

  /**
   * The import calls each history stream needs: one-to-one imports take one message per call on both vendors
   * (Tencent `importmsg`, Easemob's user message import; migration-apis.md), group imports `size` (Tencent's
   * `import_group_msg` takes 7). Both vendors give the two APIs the same budget, so calls weigh the same.
   */
  private async historyCalls(jobId: string, size: number): Promise<number[]> {
    const [direct, group] = await Promise.all([
      this.items.pendingCount(jobId, 'history', true),
      this.items.pendingCount(jobId, 'history', false),
    ]);
    return [direct, Math.ceil(group / size)];
  }

  /**
   * A run of batches: rows of a lane's groups, owners or conversations, key by key in import order (or of a
   * kind imported without one), read together, sent at most `size` of one key at a time, one call after the
   * other.
   */
  private async importRows(
    run: JobRun,
    kind: MigrationKind,
    rows: PendingMigrationItem[],
    size: number,
    passwords: PasswordPolicy,
  ): Promise<MigrationItemFinish[]> {
    const finished: MigrationItemFinish[] = [];
    const ready: Ready[] = [];
    const lookup = this.lookup(run);
    const copies =
      kind === 'history'
        ? await this.relayedMessages.copiesOf(
            run.job.bridgeId,
            run.job.sourceAppId,
            run.job.targetAppId,
            rows.map((r) => r.sourceKey),
          )
        : new Map<string, { relayId: string; targetMessageId: string }>();
    const sources = rows.map((row) => JSON.parse(row.payload) as unknown);
    // Every item's ids are mapped at once, so the batch's lookups share a query per kind of id
    // (`IdMapper.batched`); the items are then decided one by one, in order.
    const mappings = await Promise.all(
      rows.map((row, i) =>
        copies.has(row.sourceKey)
          ? null
          : mapItemIds(
              kind,
              sources[i],
              lookup,
              run.target.provider.capabilities.ids,
              run.target.provider.displayName,
            ),
      ),
    );
    for (const [i, row] of rows.entries()) {
      const source = sources[i];
      const copy = copies.get(row.sourceKey);
      // The pair this very item wrote before the process died between the import and the item's record:
      // the import happened, so the item is done, not a message relayed live.
      if (copy?.relayId === row.id) {
        const targetId = copy.targetMessageId.startsWith(MIGRATION_PAIR_PREFIX) ? null : copy.targetMessageId;
        finished.push({ id: row.id, status: 'done', targetId });
        continue;
      }
      if (copy) {
        finished.push({ id: row.id, status: 'skipped', reason: 'relayed live' });
        continue;
      }
      if (kind === 'groups' || kind === 'chatrooms') {
        const known = await this.pairs.created(run, kind, row);
        if (known) {
          finished.push(known);
          continue;
        }
      }
      const mapped = mappings[i]!;
      if (!mapped.ok) {
        finished.push({ id: row.id, status: 'failed', error: mapped.error });
        continue;
      }
      let item = mapped.item;
      if (kind === 'history') {
        const shaped = historyContentsFor(
          item as HistoryMessage,
          run.target.provider.capabilities,
          run.target.provider.displayName,
        );
        if ('skip' in shaped) {
          finished.push({ id: row.id, status: 'skipped', reason: shaped.skip });
          continue;
        }
        item = shaped;
      }
      ready.push({
        row,
        source,
        mapped: this.marked(run, kind, row, item),
        key: resultKey(kind, item),
      });
    }
    // Each batch's results are recorded as its call answers (with the items decided without a call, at the
    // first), while the next batch's call is made: one record in flight per lane, so a crash re-sends at most
    // two batches, which the target answers `exists` (history: the message-id pair, written before the
    // record, marks the item done). A batch holds one key's items only (one group, owner or conversation).
    const recorded: MigrationItemFinish[] = [];
    let decided = finished;
    let recording: Promise<void> | null = null;
    try {
      const batches = batchesByKey(ready, size, (r) => r.row.conversationKey);
      // Results decided without a call are recorded even when no item is left to send.
      if (batches.length === 0 && decided.length > 0) batches.push([]);
      for (const batch of batches) {
        const sent = batch.length > 0 ? await this.send(run, kind, batch, passwords) : [];
        const results = [...decided, ...sent];
        decided = [];
        if (recording) await recording;
        recording = this.items.finish(run.job.id, kind, results, nowIso());
        recorded.push(...results);
      }
      if (recording) await recording;
    } catch (error) {
      // Nothing is left running: the record under way ends (or fails) before the error goes up.
      await recording?.catch(() => undefined);
      throw error;
    }
    return recorded;
  }

  private lookup(run: JobRun): IdLookup {
    return this.mapper.batched(run.bridge, run.job.direction);
  }

  /** A message carries the relay marker, so its import callback (if the vendor sends one) is an echo. */
  private marked(run: JobRun, kind: MigrationKind, row: PendingMigrationItem, item: unknown): unknown {
    if (kind !== 'history') return item;
    const m = item as HistoryMessage;
    const marker: RelayMarker = {
      bridgeId: run.bridge.id,
      relayId: row.id,
      originEventId: null,
      originProvider: run.source.provider.name,
      originMessageId: m.messageId,
      originSentAt: new Date(m.sentAt).toISOString(),
    };
    return { ...m, ext: { ...(m.ext ?? {}), [RELAY_EXT_KEY]: marker } };
  }

  private async send(
    run: JobRun,
    kind: MigrationKind,
    ready: Ready[],
    passwords: PasswordPolicy,
  ): Promise<MigrationItemFinish[]> {
    if (kind === 'groups' || kind === 'chatrooms')
      await this.items.markInFlight(
        ready.map((r) => r.row.id),
        nowIso(),
      );
    let results: MigrationItemResult[];
    try {
      results = await this.call(run, kind, ready, passwords);
    } catch (error) {
      // The writer throws only when nothing of the batch was imported: the whole batch failed, nothing else.
      const e = errorOf(error);
      return ready.map((r) => ({ id: r.row.id, status: 'failed' as const, error: e }));
    }
    const byKey = new Map(results.map((r) => [r.key, r]));
    const out: MigrationItemFinish[] = [];
    const imported: ImportedItem[] = [];
    for (const r of ready) {
      const result = ready.length === 1 && results.length === 1 ? results[0] : byKey.get(r.key);
      if (!result) {
        out.push({
          id: r.row.id,
          status: 'failed',
          error: { code: 'internal_error', message: 'the writer gave no result for this item' },
        });
        continue;
      }
      if (result.status === 'failed') out.push({ id: r.row.id, status: 'failed', error: result.error });
      else if (result.status === 'skipped')
        out.push({ id: r.row.id, status: 'skipped', reason: result.reason });
      else {
        const targetId = result.targetId ?? null;
        out.push({ id: r.row.id, status: 'done', targetId });
        imported.push({ row: r.row, source: r.source, mapped: r.mapped, targetId });
      }
    }
    // Written before the batch's results are: the pair of an item is what marks it imported after a crash.
    if (imported.length > 0) await this.pairs.record(run, kind, imported);
    return out;
  }

  private call(
    run: JobRun,
    kind: MigrationKind,
    ready: Ready[],
    passwords: PasswordPolicy,
  ): Promise<MigrationItemResult[]> {
    const writer = migrationApiOf(run.target).writer;
    const config = run.target.config;
    const ctx = run.context(run.target);
    const items = ready.map((r) => r.mapped);
    const first = items[0] as { groupId: string; owner: string };
    switch (kind) {
      case 'accounts':
        return writer.importAccounts(
          config,
          items as MigrationAccount[],
          { passwordFor: passwords.for },
          ctx,
        );
      case 'profiles':
        return writer.importProfiles(config, items as MigrationUserProfile[], ctx);
      case 'groups':
        return writer.importGroup(config, items[0] as MigrationGroup, ctx).then((r) => [r]);
      case 'chatrooms':
        return writer.importChatroom(config, items[0] as MigrationChatroom, ctx).then((r) => [r]);
      case 'members':
        return writer.importMembers(config, first.groupId, items as MigrationMember[], ctx);
      case 'mutes':
        return writer.importMutes(config, first.groupId, items as MigrationMute[], ctx);
      case 'history':
        return writer.importHistory(config, items as HistoryMessage[], ctx);
      case 'contacts':
        return writer.importContacts(config, first.owner, items as MigrationContact[], ctx);
      case 'blocklists':
        return writer.importBlocks(config, first.owner, items as MigrationBlock[], ctx);
    }
  }
}
