import {
  ImGatewayError,
  SENDABLE_CONTENT_FIELDS,
  type FieldIssue,
  type SendableContent,
} from '@im-gateway/types';
import type { MessageContentDto } from './message-content.dto.js';

/** The validated DTO as a unified content; a field that belongs to another type is a 400 naming it. */
export function toSendableContent(dto: MessageContentDto): SendableContent {
  const allowed = new Set<string>(['type', ...SENDABLE_CONTENT_FIELDS[dto.type]]);
  const issues: FieldIssue[] = [];
  const content: Record<string, unknown> = { type: dto.type };
  for (const [key, value] of Object.entries(dto)) {
    if (value === undefined || key === 'type') continue;
    if (!allowed.has(key))
      issues.push({ field: `content.${key}`, message: `does not apply to ${dto.type} content` });
    else content[key] = key === 'variants' ? (value as object[]).map((v) => ({ ...v })) : value;
  }
  if (dto.type === 'custom' && dto.fields !== undefined) {
    const entries = Object.entries(dto.fields);
    if (entries.length > 16) issues.push({ field: 'content.fields', message: 'holds at most 16 entries' });
    if (entries.some(([, v]) => typeof v !== 'string'))
      issues.push({ field: 'content.fields', message: 'values must be strings' });
  }
  if (issues.length > 0)
    throw new ImGatewayError(
      'validation_failed',
      issues.map((i) => `${i.field} ${i.message}`).join('; '),
      issues,
    );
  return content as SendableContent;
}
