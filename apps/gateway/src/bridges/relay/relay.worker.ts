import { Injectable, Logger } from '@nestjs/common';
import {
  type BridgeEntity,
  newId,
  RelayAttemptEntity,
  RelayedMessageRepository,
  RelayLogRepository,
  RelayRepository,
  type ClaimedRelay,
  type RelayedMessageEntity,
  type RelayOutcome,
} from '@im-gateway/persistence';
import {
  CapabilityUnsupportedError,
  RELAY_EXT_KEY,
  type RelayMarker,
  type SendTargetType,
  type UnifiedEvent,
} from '@im-gateway/types';
import type { Wakeup } from '../../common/queue/work.queue.js';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { MessagesService } from '../../messages/messages.service.js';
import { MetricsService } from '../../metrics/metrics.service.js';
import { AppsService } from '../../tenancy/apps.service.js';
import { BridgeDirectory } from '../bridge-directory.js';
import { IdMapper } from '../mappings/id-mapper.js';
import type { BridgeSide } from '../mappings/user-id.rule.js';
import { relayedContent } from './relay-content.js';
import { relayedPair } from './relayed-pair.js';
import { errorText, failedOutcome, finalOutcome } from './relay-outcome.js';
import { withSpanFrom } from '../../tracing/spans.js';
import { LeaseKeeper } from '../../common/queue/lease-keeper.js';
import { MIGRATION_HOLD_MS, MIGRATION_HOLD_REASON, MigrationRelayGate } from './migration-relay.gate.js';

/**
 * A claim is leased for 8 s and renewed every 2 s while its attempt runs, as deliveries are (see
 * `DeliveryWorker`): a process that dies stops renewing, so its relays are retaken within 8 s.
 */
export const RELAY_LEASE_MS = 8_000;
export const RELAY_HEARTBEAT_MS = 2_000;
/** A wake-up may come this early (timer drift) and still claim its relay. */
const EARLY_WAKEUP_MS = 250;
/** A recall that arrives before its message was relayed waits this long per attempt, at most this often. */
const RECALL_WAIT_MS = 1_000;
const RECALL_MAX_WAITS = 60;

interface Target {
  type: SendTargetType;
  id: string;
}

/** One side of a relayed pair: the message there, its sender and its conversation. */
function sideOf(pair: RelayedMessageEntity, side: 'source' | 'target') {
  return side === 'source'
    ? {
        messageId: pair.sourceMessageId,
        from: pair.sourceFrom,
        toType: pair.sourceToType,
        toId: pair.sourceToId,
      }
    : {
        messageId: pair.targetMessageId,
        from: pair.targetFrom,
        toType: pair.targetToType,
        toId: pair.targetToId,
      };
}

/** What a relayed message's copy lacks: contents not sent, fields the target had no place for; else null. */
function relayedReason(skipped: string[], dropped: string[], target: string): string | null {
  const parts = [
    ...(skipped.length > 0 ? [`not relayed: ${skipped.join('; ')}`] : []),
    ...(dropped.length > 0 ? [`dropped (${target} has no place for them): ${dropped.join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : null;
}

interface Attempt {
  claimed: ClaimedRelay;
  bridge: BridgeEntity;
  side: BridgeSide;
  attempts: number;
  now: Date;
  /**
   * The target's message ids sent so far, by earlier attempts and this one: a failure records them, so a
   * retry sends only the rest, even when the failure came after a send (storing its pair, say).
   */
  produced: string[];
  /** The conversation's kind, once this attempt mapped it; else the one the relay was stored with. */
  kind: string | null;
}

/**
 * One relay attempt: claim the relay, map the sender and conversation across the bridge, send each content
 * (or the recall) through the unified send path of the target app, record the message-id pairs, and decide
 * what comes next — relayed, retried on the delivery schedule, failed, unmapped (waits for a mapping and a
 * retry) or skipped (nothing to relay). Returns what must be woken afterwards.
 */
@Injectable()
export class RelayWorker {
  private readonly logger = new Logger(RelayWorker.name);
  private readonly leases = new LeaseKeeper('relay', RELAY_LEASE_MS, RELAY_HEARTBEAT_MS, (ids, until) =>
    this.relays.renew(ids, until),
  );

  constructor(
    private readonly relays: RelayRepository,
    private readonly directory: BridgeDirectory,
    private readonly apps: AppsService,
    private readonly messages: MessagesService,
    private readonly mapper: IdMapper,
    private readonly pairs: RelayedMessageRepository,
    private readonly relayLog: RelayLogRepository,
    private readonly settings: GatewaySettingsRef,
    private readonly metrics: MetricsService,
    private readonly gate: MigrationRelayGate,
  ) {}

  async attempt(relayId: string): Promise<Wakeup[]> {
    const now = new Date();
    const claimed = await this.relays.claim(
      relayId,
      now.toISOString(),
      new Date(now.getTime() + RELAY_LEASE_MS).toISOString(),
      new Date(now.getTime() + EARLY_WAKEUP_MS).toISOString(),
    );
    if (!claimed) return []; // not due, taken, paused, or behind an earlier message of its conversation
    this.leases.hold(relayId);
    try {
      return await this.attemptClaimed(claimed, now);
    } finally {
      this.leases.release(relayId);
    }
  }

  private async attemptClaimed(claimed: ClaimedRelay, now: Date): Promise<Wakeup[]> {
    const relayId = claimed.id;
    const attempts = claimed.attempts + 1;
    let outcome: RelayOutcome;
    try {
      // The claim checked the bridge is active; its rules come from the directory's cache, not another query.
      const bridge = await this.directory.active(claimed.source_app_id, claimed.bridge_id);
      if (!bridge) {
        await this.relays.release(relayId, new Date().toISOString());
        return [];
      }
      const side: BridgeSide = claimed.source_app_id === bridge.sourceAppId ? 'forward' : 'reverse';
      const attempt: Attempt = {
        claimed,
        bridge,
        side,
        attempts,
        now,
        produced: JSON.parse(claimed.target_message_ids ?? '[]') as string[],
        kind: claimed.conversation_kind,
      };
      try {
        outcome = await withSpanFrom(
          claimed.trace_parent,
          'relay.attempt',
          { 'imgw.relay.id': relayId, 'imgw.bridge.id': claimed.bridge_id },
          () => (claimed.action === 'recall' ? this.recall(attempt) : this.message(attempt)),
        );
      } catch (error) {
        outcome = this.failed(attempt, error);
      }
    } catch (error) {
      // Anything else that fails once the relay is claimed is a failed attempt too: none may loop on its lease.
      outcome = failedOutcome(error, attempts, this.settings.value.deliveryRetryScheduleMs, new Date());
    }
    if (outcome.status === 'pending' && outcome.reason === MIGRATION_HOLD_REASON) {
      // Held by a migration job: not an attempt (no attempt row, no metric), only a later wake-up.
      await this.relays.postpone(
        relayId,
        outcome.nextAttemptAt!,
        MIGRATION_HOLD_REASON,
        new Date().toISOString(),
      );
      this.logger.debug({ relayId, bridgeId: claimed.bridge_id, reason: outcome.reason }, 'relay held');
      return [{ id: relayId, dueAt: outcome.nextAttemptAt }];
    }
    await this.record(relayId, outcome, now);
    const finishedAt = new Date();
    const result = outcome.status === 'pending' ? 'retry' : outcome.status;
    const durationMs = finishedAt.getTime() - now.getTime();
    this.metrics.relays.inc({ action: claimed.action, result });
    this.metrics.relayDuration.observe({ action: claimed.action, result }, durationMs / 1000);
    // One line per attempt; a relayed message at debug (there are many), anything else at info.
    const line = {
      relayId,
      bridgeId: claimed.bridge_id,
      action: claimed.action,
      sourceAppId: claimed.source_app_id,
      targetAppId: claimed.target_app_id,
      attempt: outcome.attempts,
      result,
      durationMs,
      nextAttemptAt: outcome.nextAttemptAt,
      ...(outcome.lastError ? { error: outcome.lastError.slice(0, 200) } : {}),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
    };
    if (outcome.status === 'relayed') this.logger.debug(line, 'relay attempt');
    else this.logger.log(line, 'relay attempt');
    if (outcome.status === 'pending') return [{ id: relayId, dueAt: outcome.nextAttemptAt }];
    if (!claimed.conversation_id) return [];
    const next = await this.relays.nextInConversation(claimed.bridge_id, claimed.conversation_id);
    return next ? [{ id: next.id, dueAt: next.next_attempt_at }] : [];
  }

  /** Records the attempt; should its texts be refused, the relay's state is still recorded without them. */
  private async record(relayId: string, outcome: RelayOutcome, at: Date): Promise<void> {
    try {
      await this.relays.finish(relayId, outcome, this.attemptRow(relayId, at, new Date(), outcome));
    } catch (error) {
      this.logger.warn({ err: error, relayId }, 'relay attempt not recorded in full; recording it bare');
      const bare = { ...outcome, reason: null, lastError: 'the attempt could not be stored in full' };
      await this.relays.finish(relayId, bare, this.attemptRow(relayId, at, new Date(), bare));
    }
  }

  private failed(a: Attempt, error: unknown): RelayOutcome {
    const extra: Partial<RelayOutcome> = {
      targetMessageIds: a.produced.length > 0 ? [...a.produced] : null,
      conversationKind: a.kind,
    };
    // A capability the target lacks will not appear by retrying: nothing can be relayed.
    if (error instanceof CapabilityUnsupportedError)
      return finalOutcome('skipped', a.attempts, new Date(), {
        ...extra,
        reason: error.message,
        lastError: errorText(error),
      });
    return failedOutcome(error, a.attempts, this.settings.value.deliveryRetryScheduleMs, new Date(), extra);
  }

  private async message(a: Attempt): Promise<RelayOutcome> {
    const { claimed, bridge, side } = a;
    const event = claimed.event_body ? (JSON.parse(claimed.event_body) as UnifiedEvent) : null;
    const message = event?.message;
    if (!event || !message)
      return finalOutcome('skipped', a.attempts, new Date(), { reason: 'the origin event is gone' });
    if (await this.pairs.isCopy(claimed.source_app_id, message.id))
      return finalOutcome('skipped', a.attempts, new Date(), {
        reason: 'the message is itself a relayed copy',
      });
    const held = await this.migrationHold(a, message.id);
    if (held) return held;

    const missing: string[] = [];
    const from = await this.mapper.user(bridge, message.from, side);
    if (!from) missing.push(`user ${message.from}`);
    const { target, source } = await this.conversation(a, event, missing);
    if (missing.length > 0 || !from || !target || !source)
      return finalOutcome('unmapped', a.attempts, new Date(), {
        reason: `no mapping for ${missing.join(', ')}`,
        conversationKind: claimed.conversation_kind,
      });
    const kind = target.type === 'user' ? 'direct' : target.type;
    a.kind = kind;

    const resolved = await this.apps.resolve(claimed.target_app_id);
    const contents = message.contents.map((c) =>
      relayedContent(c, resolved.provider.capabilities, resolved.provider.displayName),
    );
    const sendable = contents.flatMap((c) => ('content' in c ? [c.content] : []));
    const skipped = contents.flatMap((c) => ('skip' in c ? [c.skip] : []));
    const dropped = [...new Set(contents.flatMap((c) => ('dropped' in c ? c.dropped : [])))];
    if (sendable.length === 0)
      return finalOutcome('skipped', a.attempts, new Date(), {
        reason: skipped.length > 0 ? skipped.join('; ') : 'the message has no content',
        conversationKind: kind,
      });

    const marker: RelayMarker = {
      bridgeId: bridge.id,
      relayId: claimed.id,
      originEventId: claimed.origin_event_id,
      originProvider: event.provider,
      originMessageId: message.id,
      originSentAt: message.sentAt ?? event.occurredAt,
    };
    const ext = { ...(message.ext ?? {}), [RELAY_EXT_KEY]: marker };
    const pairOf = (targetMessageId: string) =>
      relayedPair(
        bridge.id,
        claimed.id,
        {
          appId: claimed.source_app_id,
          messageId: message.id,
          from: message.from,
          toType: source.type,
          toId: source.id,
        },
        { appId: resolved.app.id, messageId: targetMessageId, from, toType: target.type, toId: target.id },
      );
    const produced = a.produced;
    // A copy an earlier attempt sent but could not record (its pair's insert failed) gets its pair now:
    // recalls and echo checks find copies by their pairs.
    if (produced.length > 0) {
      const paired = new Set(
        (await this.pairs.pairsOf(bridge.id, claimed.source_app_id, message.id)).map(
          (p) => p.targetMessageId,
        ),
      );
      const unpaired = produced.filter((id) => !paired.has(id));
      if (unpaired.length > 0) await this.pairs.insert(unpaired.map(pairOf));
    }
    for (let i = produced.length; i < sendable.length; i++) {
      const request = { from, to: { type: target.type, ids: [target.id] }, content: sendable[i]!, ext };
      const { row, error } = await this.messages.sendAs(resolved, request);
      const result = row.results[0];
      if (error) return this.failed(a, error);
      if (!result || result.status !== 'sent') return this.failed(a, result?.error ?? 'no result');
      produced.push(result.vendorMessageId);
      await this.pairs.insert(pairOf(result.vendorMessageId));
    }
    return finalOutcome('relayed', a.attempts, new Date(), {
      targetMessageIds: produced,
      relayedAt: new Date().toISOString(),
      conversationKind: kind,
      reason: relayedReason(skipped, dropped, resolved.provider.displayName),
    });
  }

  /**
   * A migration job's say on this relay (see `MigrationRelayGate`): wait while the job's history of the
   * conversation is not in yet (not counted as an attempt), and send nothing when a job imported the message
   * already. A relay that sent part of its message before (`target_message_ids`) made those pairs itself.
   */
  private async migrationHold(a: Attempt, messageId: string): Promise<RelayOutcome | null> {
    const { claimed, bridge } = a;
    if (
      claimed.conversation_id &&
      (await this.gate.holds(bridge.id, claimed.source_app_id, claimed.conversation_id))
    )
      return {
        ...finalOutcome('pending', claimed.attempts, new Date()),
        nextAttemptAt: new Date(Date.now() + MIGRATION_HOLD_MS).toISOString(),
        reason: MIGRATION_HOLD_REASON,
        conversationKind: claimed.conversation_kind,
      };
    if (claimed.target_message_ids) return null;
    const copied = await this.pairs.copiedSources(bridge.id, claimed.source_app_id, claimed.target_app_id, [
      messageId,
    ]);
    return copied.has(messageId)
      ? finalOutcome('skipped', a.attempts, new Date(), {
          reason: 'imported by a migration job',
          conversationKind: claimed.conversation_kind,
        })
      : null;
  }

  /** The target conversation (and the source one, as a recall will need it), or what is missing to map it. */
  private async conversation(
    a: Attempt,
    event: UnifiedEvent,
    missing: string[],
  ): Promise<{ target: Target | null; source: Target | null }> {
    const { bridge, side, claimed } = a;
    const message = event.message!;
    if (claimed.conversation_kind === 'direct') {
      const to = await this.mapper.user(bridge, message.to, side);
      if (!to) missing.push(`user ${message.to}`);
      return { target: to ? { type: 'user', id: to } : null, source: { type: 'user', id: message.to } };
    }
    const conversationId = event.conversation?.id ?? message.to;
    const kinds = (claimed.conversation_kind === 'chatroom' ? ['chatroom'] : ['group', 'chatroom']).filter(
      (k) => bridge.conversationKinds.includes(k as 'group' | 'chatroom'),
    ) as ('group' | 'chatroom')[];
    for (const kind of kinds) {
      const id = await this.mapper.conversation(bridge, kind, conversationId, side);
      if (id) return { target: { type: kind, id }, source: { type: kind, id: conversationId } };
    }
    missing.push(`${kinds.join(' or ')} ${conversationId}`);
    return { target: null, source: null };
  }

  /**
   * A recall: every copy of the recalled message on the other side is recalled, with the sender and
   * conversation recorded when the copy was made. A recall of a copy (the bridge relays both ways) recalls
   * the original. Each pair is marked before the vendor is asked, so the vendor's recall callback for it is
   * recognised as an echo.
   */
  private async recall(a: Attempt): Promise<RelayOutcome> {
    const { claimed } = a;
    const id = claimed.source_message_id;
    const pairs = await this.pairs.pairsOf(claimed.bridge_id, claimed.source_app_id, id);
    if (pairs.length === 0) return this.recallWithoutCopy(a);
    const resolved = await this.apps.resolve(claimed.target_app_id);
    const recalled: string[] = [];
    for (const pair of pairs) {
      if (pair.recalledAt && pair.recallRelayId !== claimed.id) continue;
      const isSource = pair.sourceAppId === claimed.source_app_id && pair.sourceMessageId === id;
      const other = sideOf(pair, isSource ? 'target' : 'source');
      const at = new Date().toISOString();
      await this.pairs.markRecalled(pair.id, at, claimed.id);
      await this.messages.recallAs(resolved, {
        from: other.from,
        to: { type: other.toType, id: other.toId },
        vendorMessageId: other.messageId,
      });
      recalled.push(other.messageId);
    }
    return finalOutcome('relayed', a.attempts, new Date(), {
      targetMessageIds: recalled,
      relayedAt: new Date().toISOString(),
    });
  }

  /** No copy yet: wait while the message's own relay is under way; else there is nothing to recall. */
  private async recallWithoutCopy(a: Attempt): Promise<RelayOutcome> {
    const { claimed } = a;
    const relay = await this.relayLog.findMessageRelay(
      claimed.bridge_id,
      claimed.source_app_id,
      claimed.source_message_id,
    );
    const inFlight = relay && (relay.status === 'pending' || relay.status === 'relaying');
    if (inFlight && a.attempts < RECALL_MAX_WAITS)
      return {
        ...finalOutcome('pending', a.attempts, new Date()),
        nextAttemptAt: new Date(Date.now() + RECALL_WAIT_MS).toISOString(),
        reason: 'waiting for the message to be relayed first',
      };
    return finalOutcome('skipped', a.attempts, new Date(), {
      reason: relay ? `the message was not relayed (${relay.status})` : 'the message was never relayed',
    });
  }

  private attemptRow(relayId: string, at: Date, finishedAt: Date, outcome: RelayOutcome): RelayAttemptEntity {
    return Object.assign(new RelayAttemptEntity(), {
      id: newId(),
      relayId,
      attemptedAt: at.toISOString(),
      outcome: outcome.status,
      durationMs: finishedAt.getTime() - at.getTime(),
      error:
        outcome.lastError?.slice(0, 500) ??
        (outcome.status === 'relayed' ? null : (outcome.reason?.slice(0, 500) ?? null)),
    });
  }
}
