import { Injectable } from '@nestjs/common';
import { MigrationJobRepository } from '@im-gateway/persistence';

/** How long a relay held back by a migration job waits before it asks again. */
export const MIGRATION_HOLD_MS = 3_000;
/** The reason a held relay shows while it waits. */
export const MIGRATION_HOLD_REASON = "waiting for a migration job's history of this conversation";

/**
 * The live relay's side of the coordination with migration jobs.
 *
 * Vendors refuse to import a message older than what a conversation already holds (Tencent group import,
 * Easemob import: docs/migration.md), so a relayed live message would shut the door on the history still to
 * come. The rule: while an unfinished job of the bridge, in the relay's direction, has history to import into
 * a conversation — or is still reading its history, when any conversation may turn up — a relay into that
 * conversation waits (`MIGRATION_HOLD_MS`, then asks again; later relays of the conversation queue behind
 * it, so their order holds). A paused job holds too: its history is still to come. A job's window ends at
 * `history.to`; messages after it are the live relay's. Messages inside the window that were relayed live are
 * skipped by the job ("relayed live"), and a relay whose message a job already imported sends nothing (the
 * pair exists in the message-id map): each message crosses once.
 */
@Injectable()
export class MigrationRelayGate {
  constructor(private readonly jobs: MigrationJobRepository) {}

  /** Whether a relay from `sourceAppId` into the conversation must wait for a job's history. */
  holds(bridgeId: string, sourceAppId: string, conversationId: string): Promise<boolean> {
    return this.jobs.holdsConversation(bridgeId, sourceAppId, conversationId);
  }
}
