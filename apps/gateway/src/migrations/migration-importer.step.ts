import { Injectable } from '@nestjs/common';
import {
  MigrationItemRepository,
  nowIso,
  RelayedMessageRepository,
  type MigrationItemEntity,
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
import { historyContentsFor } from './migration-items.plan.js';
import { migrationApiOf, type JobRun } from './migration-job.context.js';
import { MIGRATION_PAIR_PREFIX, MigrationPairs } from './migration-pairs.js';
import type { PasswordPolicy } from './migration-password.js';

/**
 * Import calls a kind has in flight at once. One batch at a time cannot use a vendor's budget: at 200 calls/s
 * a call may take 5 ms in all, and a call to the vendor plus the rows written for it take longer. The
 * limiter still paces every call to the documented rate; lanes only keep calls waiting for it.
 */
export const IMPORT_LANES = 4;

/**
 * The batches of one step, from pending rows in (conversation, order) order: the first `size` rows of each
 * group, owner or conversation — one batch each, so a conversation's messages stay in order, its later rows
 * waiting for a later step — and rows of no conversation (accounts, profiles, groups…) in chunks of `size`.
 */
export function lanesOf(pending: readonly MigrationItemEntity[], size: number): MigrationItemEntity[][] {
  const lanes: MigrationItemEntity[][] = [];
  let current: MigrationItemEntity[] | null = null;
  for (const row of pending) {
    if (lanes.length >= IMPORT_LANES && (current === null || current.length >= size)) break;
    const same = current !== null && current[0]!.conversationKey === row.conversationKey;
    if (same && current!.length < size) current!.push(row);
    else if (same && row.conversationKey !== null) continue;
    else if (lanes.length < IMPORT_LANES) lanes.push((current = [row]));
  }
  return lanes;
}

/** An item ready to send: the stored row and its payload with the target's ids. */
interface Ready {
  row: MigrationItemEntity;
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
 * Imports one batch of a kind: the next pending items (of one group, owner or conversation for the kinds
 * imported per group, owner or conversation), at most the target's `importBatch`. Each item's ids are mapped
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
   * Imports the next batches, up to `IMPORT_LANES` at once on distinct groups, owners or conversations (or
   * chunks of a kind that has none); returns the results recorded (none: the kind is done).
   */
  async batch(run: JobRun, kind: MigrationKind, passwords: PasswordPolicy): Promise<MigrationItemFinish[]> {
    const size = batchSize(run.target.provider.capabilities.migration, kind);
    // One group, owner or conversation per lane, read key by key (a job of many small owners stays fast).
    const pending = await this.items.pendingOfSome(run.job.id, kind, size, IMPORT_LANES);
    const settled = await Promise.allSettled(
      lanesOf(pending, size).map((rows) => this.importRows(run, kind, rows, passwords)),
    );
    // Every lane has ended (its results recorded) before an error goes up: nothing is left running.
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
  }

  /** One batch: rows of one group, owner or conversation (or of a kind imported without one). */
  private async importRows(
    run: JobRun,
    kind: MigrationKind,
    rows: MigrationItemEntity[],
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
    for (const row of rows) {
      const source = JSON.parse(row.payload) as unknown;
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
      const mapped = await mapItemIds(
        kind,
        source,
        lookup,
        run.target.provider.capabilities.ids,
        run.target.provider.displayName,
      );
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
    if (ready.length > 0) finished.push(...(await this.send(run, kind, ready, passwords)));
    await this.items.finish(finished, nowIso());
    return finished;
  }

  private lookup(run: JobRun): IdLookup {
    const side = run.job.direction;
    return {
      user: (id) => this.mapper.user(run.bridge, id, side),
      conversation: (kind, id) => this.mapper.conversation(run.bridge, kind, id, side),
    };
  }

  /** A message carries the relay marker, so its import callback (if the vendor sends one) is an echo. */
  private marked(run: JobRun, kind: MigrationKind, row: MigrationItemEntity, item: unknown): unknown {
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
        out.push({ id: r.row.id, status: 'done', targetId: result.targetId ?? null });
        await this.pairs.record(run, kind, r.row, r.source, r.mapped, result.targetId ?? null);
      }
    }
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
