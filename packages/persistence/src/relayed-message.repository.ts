import { In } from 'typeorm';
import { RelayedMessageEntity } from './entities/relayed-message.entity.js';
import type { Transactor } from './transactor.js';

/** Who recalled a relayed pair: the relay that did, and its source app's provider. */
export interface PairRecall {
  bridgeId: string;
  relayId: string;
  originEventId: string | null;
  provider: string;
}

/** The `relayed_messages` table: the message-id map between the two sides of a bridge. */
export class RelayedMessageRepository {
  constructor(private readonly transactor: Transactor) {}

  async insert(pairs: RelayedMessageEntity | RelayedMessageEntity[]): Promise<void> {
    if (Array.isArray(pairs) && pairs.length === 0) return;
    await this.transactor.write((m) => m.insert(RelayedMessageEntity, pairs));
  }

  /**
   * Which of these messages of a source app already have a copy in the target app (relayed live, or
   * imported by a migration job): the shared record that keeps a message from being imported or relayed twice.
   */
  async copiedSources(
    bridgeId: string,
    sourceAppId: string,
    targetAppId: string,
    messageIds: string[],
  ): Promise<Set<string>> {
    return new Set((await this.copiesOf(bridgeId, sourceAppId, targetAppId, messageIds)).keys());
  }

  /** The copies these messages have in the target app, by source message id: who made each and its id there. */
  async copiesOf(
    bridgeId: string,
    sourceAppId: string,
    targetAppId: string,
    messageIds: string[],
  ): Promise<Map<string, { relayId: string; targetMessageId: string }>> {
    const found = new Map<string, { relayId: string; targetMessageId: string }>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const part = messageIds.slice(i, i + 500);
      const rows = await this.transactor.read((m) =>
        m.find(RelayedMessageEntity, {
          select: { sourceMessageId: true, relayId: true, targetMessageId: true },
          where: { bridgeId, sourceAppId, targetAppId, sourceMessageId: In(part) },
        }),
      );
      for (const row of rows)
        found.set(row.sourceMessageId, { relayId: row.relayId, targetMessageId: row.targetMessageId });
    }
    return found;
  }

  /** Whether a message of an app is the copy a relay made there. */
  isCopy(appId: string, messageId: string): Promise<boolean> {
    return this.transactor.read((m) =>
      m.existsBy(RelayedMessageEntity, { targetAppId: appId, targetMessageId: messageId }),
    );
  }

  /** The pairs of a bridge in which a message of an app takes part, on either side. */
  pairsOf(bridgeId: string, appId: string, messageId: string): Promise<RelayedMessageEntity[]> {
    return this.transactor.read((m) =>
      m.find(RelayedMessageEntity, {
        where: [
          { bridgeId, sourceAppId: appId, sourceMessageId: messageId },
          { bridgeId, targetAppId: appId, targetMessageId: messageId },
        ],
      }),
    );
  }

  /** Marks a pair recalled by a relay. */
  async markRecalled(id: string, at: string, relayId: string): Promise<void> {
    await this.transactor.write((m) =>
      m.update(RelayedMessageEntity, { id }, { recalledAt: at, recallRelayId: relayId }),
    );
  }

  /** The recall already relayed for a pair in which a message of an app takes part, if there is one. */
  async recallOf(appId: string, messageId: string): Promise<PairRecall | null> {
    const [row] = await this.transactor.query<{
      bridge_id: string;
      relay_id: string;
      origin_event_id: string | null;
      provider: string;
    }>(
      `SELECT r.bridge_id, r.id AS relay_id, r.origin_event_id, a.provider FROM relayed_messages m
       JOIN relays r ON r.id = m.recall_relay_id JOIN apps a ON a.id = r.source_app_id
       WHERE ((m.target_app_id = $1 AND m.target_message_id = $2) OR (m.source_app_id = $3 AND m.source_message_id = $4))
       LIMIT 1`,
      [appId, messageId, appId, messageId],
    );
    return row
      ? {
          bridgeId: row.bridge_id,
          relayId: row.relay_id,
          originEventId: row.origin_event_id,
          provider: row.provider,
        }
      : null;
  }
}
