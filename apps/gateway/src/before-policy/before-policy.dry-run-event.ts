import {
  CONVERSATION_TYPES,
  ImGatewayError,
  isEventType,
  type FieldIssue,
  type UnifiedEvent,
} from '@im-gateway/types';

/**
 * A dry run's event, checked where the rules read it and completed as the callback path would have it:
 * what the caller left out of the envelope (id, provider, times, dedupe key) is filled in, so the rules
 * and a decision endpoint get a well-formed event. A malformed one is a 400 naming the field, never a
 * rule failing half-way.
 */
export function dryRunEvent(
  appId: string,
  provider: string,
  given: Record<string, unknown>,
  now: string,
  newId: () => string,
): UnifiedEvent {
  const issues = eventIssues(given);
  if (issues.length > 0) {
    throw new ImGatewayError('validation_failed', `${issues[0]!.field} ${issues[0]!.message}`, issues);
  }
  const id = typeof given.id === 'string' ? given.id : newId();
  return {
    occurredAt: now,
    dedupeKey: `dry-run:${id}`,
    data: {},
    raw: null,
    ...given,
    id,
    appId,
    provider,
    receivedAt: now,
  } as UnifiedEvent;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

function eventIssues(event: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const wrong = (field: string, message: string) => issues.push({ field: `event.${field}`, message });
  const { type, conversation, actor, message } = event;
  if (!isEventType(type) || !type.endsWith('.requested')) {
    wrong('type', 'must be a unified `.requested` event type, such as message.send.requested');
  }
  if (conversation !== undefined) {
    if (!isObject(conversation)) wrong('conversation', 'must be an object');
    else {
      if (!CONVERSATION_TYPES.includes(conversation.type as never)) {
        wrong('conversation.type', `must be one of ${CONVERSATION_TYPES.join(', ')}`);
      }
      if (typeof conversation.id !== 'string') wrong('conversation.id', 'must be a string');
    }
  }
  if (actor !== undefined && typeof actor !== 'string') wrong('actor', 'must be a string');
  if (message === undefined) return issues;
  if (!isObject(message)) {
    wrong('message', 'must be an object');
    return issues;
  }
  if (typeof message.from !== 'string') wrong('message.from', 'must be a string');
  if (!Array.isArray(message.contents)) wrong('message.contents', 'must be an array of contents');
  else {
    message.contents.forEach((content: unknown, i) => {
      if (!isObject(content) || typeof content.type !== 'string') {
        wrong(`message.contents.${i}`, 'must be a content with a string type');
      } else if (content.type === 'text' && typeof content.text !== 'string') {
        wrong(`message.contents.${i}.text`, 'must be a string');
      }
    });
  }
  if (message.ext !== undefined && !isObject(message.ext)) wrong('message.ext', 'must be an object');
  const mentions = message.mentions;
  if (
    mentions !== undefined &&
    (!isObject(mentions) || typeof mentions.all !== 'boolean' || !isStringList(mentions.users))
  ) {
    wrong('message.mentions', 'must be { all: boolean, users: string[] }');
  }
  return issues;
}
