import { Injectable } from '@nestjs/common';
import {
  MappingRepository,
  nowIso,
  RelayedMessageRepository,
  type PendingMigrationItem,
  type RelayedMessageEntity,
  type MigrationItemFinish,
} from '@im-gateway/persistence';
import type { HistoryMessage, MigrationChatroom, MigrationGroup, MigrationKind } from '@im-gateway/types';
import { IdMapper } from '../bridges/mappings/id-mapper.js';
import { relayedPair } from '../bridges/relay/relayed-pair.js';
import type { JobRun } from './migration-job.context.js';

/** The copy's id in a pair whose target id the vendor did not return: the item's id follows it. */
export const MIGRATION_PAIR_PREFIX = 'migration:';

/** An item the target took: its row, its payload as read and as sent, and the id the target gave it. */
export interface ImportedItem {
  row: PendingMigrationItem;
  source: unknown;
  mapped: unknown;
  targetId: string | null;
}

/**
 * What an import leaves in the records the live relay shares: the id tables (groups and chat rooms, whose
 * target id the vendor may assign) and the message-id map (history). Written as each call answers, so
 * the live relay maps to the new group at once and never relays an imported message again.
 */
@Injectable()
export class MigrationPairs {
  constructor(
    private readonly mappings: MappingRepository,
    private readonly mapper: IdMapper,
    private readonly relayedMessages: RelayedMessageRepository,
  ) {}

  /**
   * A group or chat room that needs no call: it is in the id table already (created by an earlier job or
   * attempt, or uploaded), so it is done with that id. One marked in flight without a table row is a call
   * that was under way when the process died: the vendor may have created it under an id it assigned, and
   * calling again could create a second one, so it fails with `interrupted` until someone looks: upload
   * its id to the table (then a retry finds it), or retry to create it.
   */
  async created(
    run: JobRun,
    kind: 'groups' | 'chatrooms',
    row: PendingMigrationItem,
  ): Promise<MigrationItemFinish | null> {
    const mappingKind = kind === 'groups' ? 'group' : 'chatroom';
    const mapped = await this.mapper.conversation(run.bridge, mappingKind, row.sourceKey, run.job.direction);
    if (mapped !== null) return { id: row.id, status: 'done', targetId: mapped };
    if (row.inFlightAt === null) return null;
    return {
      id: row.id,
      status: 'failed',
      error: {
        code: 'interrupted',
        message: `the gateway stopped while creating this ${mappingKind}; if it exists on the target, upload its id to the bridge's ${mappingKind} table, then retry (a retry without a mapping creates it again)`,
      },
    };
  }

  /**
   * Records what one import call carried: the pairs of its history messages in one insert (a commit, not
   * one per message: a Tencent group batch is 7), the ids of a created group or chat room in the bridge's
   * id table.
   */
  async record(run: JobRun, kind: MigrationKind, imported: readonly ImportedItem[]): Promise<void> {
    if (kind === 'history') {
      await this.relayedMessages.insert(imported.map((item) => this.pairOf(run, item)));
      return;
    }
    if (kind !== 'groups' && kind !== 'chatrooms') return;
    for (const { row, mapped, targetId } of imported) {
      const target =
        targetId ??
        (kind === 'groups' ? (mapped as MigrationGroup).groupId : (mapped as MigrationChatroom).roomId);
      await this.mapConversation(run, kind === 'groups' ? 'group' : 'chatroom', row.sourceKey, target);
    }
  }

  /** The id table is in bridge terms: a reverse job's source ids are the bridge's target ids. */
  private async mapConversation(
    run: JobRun,
    kind: 'group' | 'chatroom',
    jobSourceId: string,
    jobTargetId: string,
  ): Promise<void> {
    const forward = run.job.direction === 'forward';
    const row = forward
      ? { source: jobSourceId, target: jobTargetId }
      : { source: jobTargetId, target: jobSourceId };
    await this.mappings.upload(run.bridge.id, kind, 'merge', [row], nowIso(), async () => [row]);
  }

  /**
   * The pair of an imported message. A vendor that returns no id for an import (Tencent one-to-one) leaves
   * the copy's id unknown: the pair then names the item (`migration:<item id>`), which still keeps the source
   * message from being relayed or imported again; a recall of it finds no copy to recall.
   */
  private pairOf(run: JobRun, { row, source, mapped, targetId }: ImportedItem): RelayedMessageEntity {
    const from = source as HistoryMessage;
    const to = mapped as HistoryMessage;
    const toType = (m: HistoryMessage) => (m.conversation.type === 'direct' ? 'user' : m.conversation.type);
    const toId = (m: HistoryMessage) => (m.conversation.type === 'direct' ? m.to : m.conversation.id);
    return relayedPair(
      run.bridge.id,
      row.id,
      {
        appId: run.job.sourceAppId,
        messageId: from.messageId,
        from: from.from,
        toType: toType(from),
        toId: toId(from),
      },
      {
        appId: run.job.targetAppId,
        messageId: targetId ?? `${MIGRATION_PAIR_PREFIX}${row.id}`,
        from: to.from,
        toType: toType(to),
        toId: toId(to),
      },
    );
  }
}
