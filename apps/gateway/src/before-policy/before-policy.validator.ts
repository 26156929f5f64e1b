import {
  eventTypeMatches,
  ImGatewayError,
  isEventTypePattern,
  type BeforeCallbackCapabilities,
  type BeforeCommandSupport,
  type FieldIssue,
  type ModifiablePart,
} from '@im-gateway/types';
import { compileKeyword, compilePattern, PatternSyntaxError } from './before-rules.patterns.js';
import type { BeforePolicy, BeforeRule } from './before-policy.types.js';

/**
 * What the gateway keeps of the vendor's wait for itself: reading the policy, signing the request, turning
 * the answer into the vendor's reply and writing it. A decision endpoint's `timeoutMs` may be at most the
 * vendor's `timeoutMs` less this, so the vendor is answered before it gives up (Tencent: 2000 − 50).
 */
export const DECISION_MARGIN_MS = 50;

/**
 * How long the vendor waits for the app's answers: the wait the app set in the vendor's console
 * (`vendorWaitMs`), else the vendor's default.
 */
export function vendorWaitOf(
  policy: Pick<BeforePolicy, 'vendorWaitMs'>,
  before: BeforeCallbackCapabilities,
): number {
  return policy.vendorWaitMs ?? before.timeoutMs;
}

/** The longest decision endpoint budget a vendor's wait allows. */
export function maxDecisionTimeoutMs(vendorWaitMs: number): number {
  return vendorWaitMs - DECISION_MARGIN_MS;
}

/**
 * The checks class-validator cannot make: unique rule ids, event type patterns that name before-commands
 * of the app's vendor, patterns RE2 accepts, actions those commands can carry out, a budget below the
 * vendor's wait. Throws `policy_invalid` (400) naming every problem by field; the message names the first.
 */
export function assertValidPolicy(
  policy: Omit<BeforePolicy, 'decisionEndpoint'> & { decisionEndpoint: { timeoutMs: number } | null },
  provider: string,
  before: BeforeCallbackCapabilities,
): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  policy.rules.forEach((rule, index) => {
    const at = `rules.${index}`;
    if (seen.has(rule.id)) issues.push({ field: `${at}.id`, message: `rule id "${rule.id}" is used twice` });
    seen.add(rule.id);
    issues.push(...ruleIssues(rule, at, provider, before));
  });
  const waitIssue = vendorWaitIssue(policy.vendorWaitMs ?? null, provider, before);
  if (waitIssue) issues.push(waitIssue);
  // A wait that was refused says nothing of the vendor's real one: the budget is held to the default.
  const wait = waitIssue ? before.timeoutMs : vendorWaitOf(policy, before);
  const budget = policy.decisionEndpoint?.timeoutMs;
  if (budget !== undefined && budget > maxDecisionTimeoutMs(wait)) {
    const whose = wait === before.timeoutMs ? 'waits' : 'is set (vendorWaitMs) to wait';
    issues.push({
      field: 'decisionEndpoint.timeoutMs',
      message:
        `timeoutMs ${budget} is above ${maxDecisionTimeoutMs(wait)} ms: ${provider} ${whose} ` +
        `${wait} ms for a before-callback answer and the gateway keeps ${DECISION_MARGIN_MS} ms of it`,
    });
  }
  if (issues.length > 0) {
    throw new ImGatewayError('policy_invalid', `${issues[0]!.field}: ${issues[0]!.message}`, issues);
  }
}

/** What is wrong with an app's `vendorWaitMs`: given for a fixed wait, or outside the console's range. */
function vendorWaitIssue(
  vendorWaitMs: number | null,
  provider: string,
  before: BeforeCallbackCapabilities,
): FieldIssue | null {
  if (vendorWaitMs === null) return null;
  const range = before.configurableWait;
  if (!range) {
    return {
      field: 'vendorWaitMs',
      message:
        `vendorWaitMs cannot be set for ${provider}: it always waits ${before.timeoutMs} ms for a ` +
        `before-callback answer; leave vendorWaitMs out`,
    };
  }
  if (vendorWaitMs < range.minMs || vendorWaitMs > range.maxMs) {
    return {
      field: 'vendorWaitMs',
      message: `vendorWaitMs ${vendorWaitMs} is outside ${range.minMs}–${range.maxMs} ms, the waits accepted for ${provider}`,
    };
  }
  return null;
}

function ruleIssues(
  rule: BeforeRule,
  at: string,
  provider: string,
  before: BeforeCallbackCapabilities,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const named = `rule "${rule.id}"`;
  const { match, action } = rule;
  const caseSensitive = match.text?.caseSensitive ?? false;

  for (const pattern of match.eventTypes ?? []) {
    if (!isEventTypePattern(pattern)) {
      issues.push({
        field: `${at}.match.eventTypes`,
        message: `${named}: "${pattern}" matches no event type`,
      });
    }
  }
  const commands = before.commands.filter(
    (c) => !match.eventTypes?.length || match.eventTypes.some((p) => eventTypeMatches(p, c.eventType)),
  );
  if (commands.length === 0) {
    issues.push({
      field: `${at}.match.eventTypes`,
      message: `${named}: eventTypes ${(match.eventTypes ?? []).join(', ')} match no before-callback of ${provider}`,
    });
  }

  if (match.text) {
    if (!match.text.keywords?.length && !match.text.patterns?.length) {
      issues.push({ field: `${at}.match.text`, message: `${named}: text needs keywords or patterns` });
    }
    issues.push(...patternIssues(match.text.patterns, `${at}.match.text.patterns`, named, caseSensitive));
  }
  const size = match.size;
  if (size?.minBytes !== undefined && size.maxBytes !== undefined && size.minBytes > size.maxBytes) {
    issues.push({ field: `${at}.match.size`, message: `${named}: minBytes is above maxBytes` });
  }

  const given = action as Record<string, unknown>;
  for (const field of ['reason', 'mask', 'replaceText', 'dropExt']) {
    const fits = field === 'reason' ? action.type === 'deny' : action.type === 'modify';
    if (given[field] !== undefined && !fits) {
      issues.push({
        field: `${at}.action.${field}`,
        message: `${named}: ${field} does not apply to ${action.type}`,
      });
    }
  }
  if (action.type === 'deny' && commands.length > 0 && !commands.some((c) => c.deny)) {
    issues.push({
      field: `${at}.action`,
      message: `${named}: action deny is not possible: ${provider} cannot deny ${kinds(commands)}`,
    });
  }
  if (action.type === 'modify') {
    const changesText = action.mask !== undefined || action.replaceText !== undefined;
    if (!changesText && !action.dropExt?.length) {
      issues.push({ field: `${at}.action`, message: `${named}: modify needs mask, replaceText or dropExt` });
    }
    if (action.mask !== undefined && action.replaceText !== undefined) {
      issues.push({ field: `${at}.action`, message: `${named}: give mask or replaceText, not both` });
    }
    if (action.mask) {
      if (!action.mask.keywords?.length && !action.mask.patterns?.length) {
        issues.push({ field: `${at}.action.mask`, message: `${named}: mask needs keywords or patterns` });
      }
      issues.push(...patternIssues(action.mask.patterns, `${at}.action.mask.patterns`, named, caseSensitive));
      for (const keyword of action.mask.keywords ?? []) compileKeyword(keyword, caseSensitive);
    }
    const needs: [string, ModifiablePart[]][] = [];
    if (action.mask) needs.push(['mask', ['text', 'contents']]);
    if (action.replaceText !== undefined) needs.push(['replaceText', ['text', 'contents']]);
    if (action.dropExt?.length) needs.push(['dropExt', ['ext']]);
    for (const [change, parts] of needs) {
      if (commands.length > 0 && !commands.some((c) => c.modify.some((p) => parts.includes(p)))) {
        issues.push({
          field: `${at}.action`,
          message:
            `${named}: action modify (${change}) is not possible: ${provider} lets no before-callback ` +
            `change ${parts.join(' or ')} among ${kinds(commands)}`,
        });
      }
    }
  }
  return issues;
}

function patternIssues(
  patterns: string[] | undefined,
  field: string,
  named: string,
  caseSensitive: boolean,
): FieldIssue[] {
  return (patterns ?? []).flatMap((pattern) => {
    try {
      compilePattern(pattern, caseSensitive);
      return [];
    } catch (error) {
      if (!(error instanceof PatternSyntaxError)) throw error;
      return [{ field, message: `${named}: invalid pattern ${JSON.stringify(pattern)}: ${error.message}` }];
    }
  });
}

/** The commands, by vendor name and unified type: `presend:txt (message.send.requested)`. */
function kinds(commands: readonly BeforeCommandSupport[]): string {
  return commands.map((c) => `${c.vendorKind} (${c.eventType})`).join(', ');
}
