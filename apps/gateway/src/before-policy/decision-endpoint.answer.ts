import {
  SENDABLE_CONTENT_TYPES,
  unifiedEventProblems,
  type BeforeDecision,
  type MessageContent,
} from '@im-gateway/types';

/** The largest answer read; a modified message is one message, and a longer body is garbage. */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** A deny reason reaches the sender's screen; the vendors cut theirs short too. */
const MAX_REASON_LENGTH = 512;

export type ParsedAnswer = { decision: BeforeDecision } | { problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const extraKey = (o: Record<string, unknown>, allowed: readonly string[]): string | undefined =>
  Object.keys(o).find((k) => !allowed.includes(k));

/**
 * A decision endpoint's answer, read strictly: `{ "action": "allow" }`, `{ "action": "deny", "reason"? }`
 * or `{ "action": "modify", "message": { "contents": [...], "ext"?: {...} | null } }`. Anything else (an
 * unknown action or field, a missing message, a content the unified model does not know) is a problem,
 * so the app's `onError` applies rather than a guess at what the endpoint meant.
 */
export function parseDecisionAnswer(text: string): ParsedAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: 'the answer is not JSON' };
  }
  if (!isObject(body)) return { problem: 'the answer is not a JSON object' };
  switch (body.action) {
    case 'allow': {
      const extra = extraKey(body, ['action']);
      return extra ? { problem: `unknown field ${extra}` } : { decision: { action: 'allow' } };
    }
    case 'deny': {
      const extra = extraKey(body, ['action', 'reason']);
      if (extra) return { problem: `unknown field ${extra}` };
      if (body.reason === undefined) return { decision: { action: 'deny' } };
      if (typeof body.reason !== 'string' || body.reason.length > MAX_REASON_LENGTH)
        return { problem: `reason must be a string of at most ${MAX_REASON_LENGTH} characters` };
      return { decision: { action: 'deny', reason: body.reason } };
    }
    case 'modify':
      return parseModify(body);
    default:
      return { problem: `action must be allow, deny or modify` };
  }
}

function parseModify(body: Record<string, unknown>): ParsedAnswer {
  const extra = extraKey(body, ['action', 'message']);
  if (extra) return { problem: `unknown field ${extra}` };
  const message = body.message;
  if (!isObject(message)) return { problem: 'modify needs a message object' };
  const extraInMessage = extraKey(message, ['contents', 'ext']);
  if (extraInMessage) return { problem: `unknown field message.${extraInMessage}` };
  const { contents, ext } = message;
  if (!Array.isArray(contents) || contents.length === 0)
    return { problem: 'message.contents must be a non-empty array' };
  if (ext !== undefined && ext !== null && !isObject(ext))
    return { problem: 'message.ext must be an object or null' };
  const unsendable = contents.findIndex(
    (c) => isObject(c) && !(SENDABLE_CONTENT_TYPES as readonly unknown[]).includes(c.type),
  );
  if (unsendable >= 0) return { problem: `message.contents[${unsendable}].type is not a sendable type` };
  // The published event schema is the one definition of a content; a draft carrying them checks each.
  const problems = unifiedEventProblems({
    type: 'message.send.requested',
    occurredAt: '2000-01-01T00:00:00.000Z',
    dedupeKey: 'answer',
    message: {
      id: 'answer',
      from: 'answer',
      to: 'answer',
      sentAt: '2000-01-01T00:00:00.000Z',
      contents,
      ...(isObject(ext) ? { ext } : {}),
    },
    data: {},
    raw: null,
  });
  if (problems.length > 0) return { problem: problems[0]!.replace(/^\/message\//, 'message/') };
  return {
    decision: {
      action: 'modify',
      message: { contents: contents as MessageContent[], ...(ext === undefined ? {} : { ext }) },
    },
  };
}
