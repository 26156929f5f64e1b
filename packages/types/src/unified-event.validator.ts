import { isEventType } from './event-types.js';
import { CONVERSATION_TYPES, MESSAGE_CONTENT_TYPES, type UnifiedEventDraft } from './unified-event.js';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function isFiniteNumber(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v);
}

function contentProblems(c: unknown, at: string): string[] {
  if (!isRecord(c)) return [`${at} is not an object`];
  if (!(MESSAGE_CONTENT_TYPES as readonly unknown[]).includes(c.type))
    return [`${at}.type ${String(c.type)} is unknown`];
  const p: string[] = [];
  switch (c.type) {
    case 'text':
      if (typeof c.text !== 'string') p.push(`${at}.text must be a string`);
      break;
    case 'image':
    case 'audio':
    case 'video':
    case 'file':
      if (typeof c.url !== 'string') p.push(`${at}.url must be a string`);
      for (const k of ['size', 'width', 'height', 'durationSec'])
        if (c[k] !== undefined && !isFiniteNumber(c[k])) p.push(`${at}.${k} must be a number`);
      break;
    case 'location':
      if (!isFiniteNumber(c.latitude) || !isFiniteNumber(c.longitude))
        p.push(`${at} needs numeric latitude/longitude`);
      break;
    case 'command':
      if (typeof c.action !== 'string') p.push(`${at}.action must be a string`);
      break;
    case 'face':
      if (!isFiniteNumber(c.index)) p.push(`${at}.index must be a number`);
      break;
    case 'custom':
      if (
        c.fields !== undefined &&
        (!isRecord(c.fields) || Object.values(c.fields).some((v) => typeof v !== 'string'))
      )
        p.push(`${at}.fields must map strings to strings`);
      break;
    case 'unknown':
      if (typeof c.vendorType !== 'string') p.push(`${at}.vendorType must be a string`);
      break;
  }
  return p;
}

/**
 * Structural check of a (draft) unified event. Returns the problems found; empty means valid. Used by every
 * provider's fuzz spec and by the conformance kit, so a normalizer cannot publish something malformed.
 */
export function unifiedEventProblems(event: unknown): string[] {
  if (!isRecord(event)) return ['event is not an object'];
  const e = event as Partial<UnifiedEventDraft> & Record<string, unknown>;
  const p: string[] = [];
  if (!isEventType(e.type)) p.push(`type ${String(e.type)} is not a unified event type`);
  if (typeof e.occurredAt !== 'string' || !ISO_MS.test(e.occurredAt))
    p.push('occurredAt must be ISO-8601 UTC with ms');
  if (!isNonEmptyString(e.dedupeKey)) p.push('dedupeKey must be a non-empty string');
  if (!isRecord(e.data)) p.push('data must be an object');
  if (!('raw' in e)) p.push('raw is missing');
  if (e.actor !== undefined && !isNonEmptyString(e.actor)) p.push('actor must be a non-empty string');
  if (e.subjects !== undefined && (!Array.isArray(e.subjects) || !e.subjects.every(isNonEmptyString)))
    p.push('subjects must be non-empty strings');
  if (e.conversation !== undefined) {
    const c = e.conversation as unknown;
    if (!isRecord(c)) p.push('conversation must be an object');
    else {
      if (!(CONVERSATION_TYPES as readonly unknown[]).includes(c.type))
        p.push(`conversation.type ${String(c.type)} is unknown`);
      if (!isNonEmptyString(c.id)) p.push('conversation.id must be a non-empty string');
      if (c.parentId !== undefined && !isNonEmptyString(c.parentId))
        p.push('conversation.parentId must be a non-empty string');
    }
  }
  if (e.message !== undefined) {
    const m = e.message as unknown;
    if (!isRecord(m)) p.push('message must be an object');
    else {
      for (const k of ['id', 'from', 'to'] as const)
        if (!isNonEmptyString(m[k])) p.push(`message.${k} must be a non-empty string`);
      if (typeof m.sentAt !== 'string' || !ISO_MS.test(m.sentAt))
        p.push('message.sentAt must be ISO-8601 UTC with ms');
      if (!Array.isArray(m.contents)) p.push('message.contents must be an array');
      else m.contents.forEach((c, i) => p.push(...contentProblems(c, `message.contents[${i}]`)));
      if (m.ext !== undefined && !isRecord(m.ext)) p.push('message.ext must be an object');
      if (m.mentions !== undefined) {
        const mm = m.mentions as unknown;
        if (
          !isRecord(mm) ||
          typeof mm.all !== 'boolean' ||
          !Array.isArray(mm.users) ||
          !mm.users.every(isNonEmptyString)
        )
          p.push('message.mentions must be { all: boolean, users: string[] }');
      }
    }
  }
  return p;
}

/** Type guard form of `unifiedEventProblems`. */
export function isValidUnifiedEventDraft(event: unknown): event is UnifiedEventDraft {
  return unifiedEventProblems(event).length === 0;
}
