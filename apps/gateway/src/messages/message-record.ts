import type { MessageEntity } from '@im-gateway/persistence';
import type { RecipientResult } from '@im-gateway/types';
import type { MessageResponseDto } from './message.dto.js';

export type MessageStatus = 'sent' | 'partial' | 'failed' | 'recalled';

/** `sent` when every recipient was sent, `failed` when none was, else `partial`. */
export function statusOf(recipients: RecipientResult[]): MessageStatus {
  const sent = recipients.filter((r) => r.status === 'sent').length;
  if (sent === recipients.length) return 'sent';
  return sent === 0 ? 'failed' : 'partial';
}

/** The API form of a stored message: the request as sent, the per-recipient results, the times. */
export function toMessageResponse(row: MessageEntity): MessageResponseDto {
  const request = row.request;
  return {
    id: row.id,
    provider: row.provider,
    status: row.status,
    from: request.from,
    to: request.to as MessageResponseDto['to'],
    content: { ...request.content },
    ...(request.ext ? { ext: request.ext } : {}),
    ...(request.options ? { options: request.options } : {}),
    recipients: row.results,
    createdAt: row.createdAt,
    recalledAt: row.recalledAt,
  };
}
