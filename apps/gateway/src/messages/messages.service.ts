import { Injectable } from '@nestjs/common';
import { MessageEntity, MessageRepository, newId, nowIso } from '@im-gateway/persistence';
import {
  assertRecallSupported,
  assertSendSupported,
  failedRecipient,
  ImGatewayError,
  VendorRequestError,
  type RecallRequest,
  type RecipientResult,
  type SendRequest,
  type SendResult,
} from '@im-gateway/types';
import { AppsService, type ResolvedApp } from '../tenancy/apps.service.js';
import { IdempotencyService } from './idempotency.service.js';
import { toSendableContent } from './message-content.mapper.js';
import { statusOf, toMessageResponse, type MessageStatus } from './message-record.js';
import type { MessageResponseDto, MessageSendDto } from './message.dto.js';
import { VendorCallExecutor } from './vendor-call.executor.js';

export interface SendOutcome {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** An error that also names the stored message and keeps the vendor's `Retry-After`. */
function withMessageId(error: ImGatewayError, messageId: string, extra: Record<string, unknown> = {}) {
  const details = { ...(error.details as Record<string, unknown> | undefined), ...extra, messageId };
  return Object.assign(new ImGatewayError(error.code, error.message, details), {
    retryAfterMs: error instanceof VendorRequestError ? error.retryAfterMs : undefined,
  });
}

/** The answer to a send whose message is stored: 201, or 207 when some recipients failed; none when all did. */
function answerOf(row: MessageEntity): { status: number; body: MessageResponseDto } | null {
  if (row.status === 'failed') return null;
  return { status: row.status === 'sent' ? 201 : 207, body: toMessageResponse(row) };
}

/** The DTO as a provider request; the one rule class-validator cannot say: `ids` xor `all` (rooms only). */
export function toSendRequest(dto: MessageSendDto): SendRequest {
  const { to } = dto;
  const wrong = (message: string) =>
    new ImGatewayError('validation_failed', `to ${message}`, [{ field: 'to', message }]);
  if (to.all && (to.type !== 'chatroom' || to.ids !== undefined))
    throw wrong('all applies to chatroom targets and excludes ids');
  if (!to.all && to.ids === undefined) throw wrong('needs ids (or all: true for every chat room)');
  const options = Object.fromEntries(Object.entries(dto.options ?? {}).filter(([, v]) => v !== undefined));
  return {
    from: dto.from,
    to: to.all ? { type: 'chatroom', all: true } : { type: to.type, ids: [...new Set(to.ids)] },
    content: toSendableContent(dto.content),
    ...(dto.ext ? { ext: dto.ext } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

/** The unified send: validate, send through the app's provider, record, answer; recall; read back. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly apps: AppsService,
    private readonly executor: VendorCallExecutor,
    private readonly idempotency: IdempotencyService,
  ) {}

  async send(appId: string, dto: MessageSendDto, rawBody: unknown, key?: string): Promise<SendOutcome> {
    const resolved = await this.apps.resolve(appId);
    const request = toSendRequest(dto);
    // The declared capabilities answer first (again in sendAs), so a refused send uses no idempotency key.
    assertSendSupported(resolved.provider.name, resolved.provider.capabilities, request);
    if (key === undefined) return { ...(await this.deliver(resolved, request)), replayed: false };
    const claim = await this.idempotency.claim(appId, key, this.idempotency.hash(rawBody));
    if (claim.kind === 'replay') return { status: claim.status, body: claim.body, replayed: true };
    try {
      // The key keeps its answer in the message record's own commit (see `record`).
      return { ...(await this.deliver(resolved, request, claim.id)), replayed: false };
    } catch (error) {
      // Nothing was sent (or the request was refused): the client may retry with the same key.
      await this.idempotency.release(claim.id).catch(() => undefined);
      throw error;
    }
  }

  async get(appId: string, id: string): Promise<MessageResponseDto> {
    return toMessageResponse(await this.find(appId, id));
  }

  /** Recalls every vendor message the send produced; the record says `recalled` once all are. */
  async recall(appId: string, id: string): Promise<MessageResponseDto> {
    const { app, provider, config } = await this.apps.resolve(appId);
    const row = await this.find(appId, id);
    if (row.recalledAt) return toMessageResponse(row);
    const request = row.request;
    const sent = row.results.filter((r) => r.status === 'sent');
    if (sent.length === 0) throw new ImGatewayError('conflict', 'The message reached no recipient.');
    assertRecallSupported(provider.name, provider.capabilities, request.to);
    const context = this.executor.context(provider, app.id);
    const failures: RecipientResult[] = [];
    let firstError: unknown;
    for (const r of sent) {
      if (r.status !== 'sent') continue;
      const target = { type: request.to.type, id: r.recipient };
      try {
        await provider.recall(
          config,
          { from: request.from, to: target, vendorMessageId: r.vendorMessageId },
          context,
        );
      } catch (error) {
        firstError ??= error;
        failures.push(failedRecipient(r.recipient, error));
      }
    }
    if (firstError instanceof ImGatewayError)
      throw withMessageId(firstError, row.id, { recipients: failures });
    if (firstError !== undefined) throw firstError;
    row.recalledAt = nowIso();
    row.status = 'recalled';
    await this.messages.save(row);
    return toMessageResponse(row);
  }

  /**
   * A send made by the gateway itself (relays, dual-sends): checked against the vendor's capabilities,
   * sent, and recorded like any other. A vendor error is recorded as a failed message and returned with it,
   * not thrown, so the caller can tell a retryable failure from a final one.
   */
  async sendAs(
    resolved: ResolvedApp,
    request: SendRequest,
    idempotencyKeyId?: string,
  ): Promise<{ row: MessageEntity; error?: VendorRequestError }> {
    const { app, provider, config } = resolved;
    assertSendSupported(provider.name, provider.capabilities, request);
    let result: SendResult;
    try {
      result = await provider.send(config, request, this.executor.context(provider, app.id));
    } catch (error) {
      if (!(error instanceof VendorRequestError)) throw error;
      // The vendor was tried and nothing was sent: kept as a failed message, never as sent.
      const targets = 'all' in request.to ? ['*'] : request.to.ids;
      const row = await this.record(
        app.id,
        app.provider,
        request,
        targets.map((t) => failedRecipient(t, error)),
      );
      return { row, error };
    }
    return {
      row: await this.record(app.id, app.provider, request, result.recipients, idempotencyKeyId),
    };
  }

  /** Recalls one vendor message for the gateway itself (a relayed recall). */
  async recallAs(resolved: ResolvedApp, request: RecallRequest): Promise<void> {
    const { app, provider, config } = resolved;
    assertRecallSupported(provider.name, provider.capabilities, {
      type: request.to.type,
      ids: [request.to.id],
    });
    await provider.recall(config, request, this.executor.context(provider, app.id));
  }

  private async deliver(
    resolved: ResolvedApp,
    request: SendRequest,
    idempotencyKeyId?: string,
  ): Promise<{ status: number; body: unknown }> {
    const { row, error } = await this.sendAs(resolved, request, idempotencyKeyId);
    if (error) throw withMessageId(error, row.id);
    const answer = answerOf(row);
    if (answer) return answer;
    // Every recipient failed: the first one's error answers.
    const recipients = row.results;
    const first = recipients.find(
      (r): r is Extract<RecipientResult, { status: 'failed' }> => r.status === 'failed',
    )!;
    throw withMessageId(new ImGatewayError(first.error.code, first.error.message), row.id, {
      recipients,
    });
  }

  /**
   * Stores the message. With an `Idempotency-Key` claimed for it and an answer to give (not every recipient
   * failed), the key's answer is written in the same commit: a commit fewer on every such send (a durable
   * commit is most of a send's own cost, bench/README.md), and no moment where the message exists and its
   * key still says "in progress".
   */
  private async record(
    appId: string,
    provider: string,
    request: SendRequest,
    recipients: RecipientResult[],
    idempotencyKeyId?: string,
  ): Promise<MessageEntity> {
    const status: MessageStatus = statusOf(recipients);
    const row = Object.assign(new MessageEntity(), {
      id: newId(),
      appId,
      provider,
      status,
      request,
      results: recipients,
      createdAt: nowIso(),
      recalledAt: null,
    });
    const answer = idempotencyKeyId === undefined ? null : answerOf(row);
    if (answer) await this.messages.insertAnswering(row, { id: idempotencyKeyId!, ...answer });
    else await this.messages.insert(row);
    return row;
  }

  private async find(appId: string, id: string): Promise<MessageEntity> {
    const row = await this.messages.find(appId, id);
    if (!row) throw new ImGatewayError('not_found', `No message ${id} in app ${appId}.`);
    return row;
  }
}
