import {
  eventTypeMatches,
  type BeforeDecision,
  type UnifiedEvent,
  type UnifiedMessage,
} from '@im-gateway/types';
import {
  compileKeyword,
  compilePattern,
  matchRanges,
  type CompiledPattern,
} from './before-rules.patterns.js';
import type { BeforePolicy, BeforeRule, BeforeRuleAction } from './before-policy.types.js';

/** What decided: the first rule that matched and the decision its action makes for this event. */
export interface RuleDecision {
  decision: BeforeDecision;
  ruleId: string;
}

/** A rule with its lists as sets and its patterns compiled, built once per policy object. */
interface CompiledRule {
  rule: BeforeRule;
  conversationIds: ReadonlySet<string> | null;
  senders: ReadonlySet<string> | null;
  contentTypes: ReadonlySet<string> | null;
  /** Lower-cased unless case-sensitive: a substring test is far cheaper than a regular expression. */
  keywords: string[];
  patterns: CompiledPattern[];
  caseSensitive: boolean;
  /** For a mask action: keywords (as literals) and patterns, compiled. */
  mask: CompiledPattern[];
}

// Keyed by the policy object: the service hands out one object per stored version, so a policy is
// compiled once when it is loaded (or once per dry run of an unsaved one), never per callback.
const compiled = new WeakMap<BeforePolicy, CompiledRule[]>();

/** Compiles a policy's rules; throws `PatternSyntaxError` on a pattern RE2 refuses. Cached per object. */
export function compileRules(policy: BeforePolicy): CompiledRule[] {
  let rules = compiled.get(policy);
  if (!rules) {
    rules = policy.rules.map(compileRule);
    compiled.set(policy, rules);
  }
  return rules;
}

function compileRule(rule: BeforeRule): CompiledRule {
  const caseSensitive = rule.match.text?.caseSensitive ?? false;
  const mask = rule.action.type === 'modify' ? rule.action.mask : undefined;
  return {
    rule,
    conversationIds: toSet(rule.match.conversationIds),
    senders: toSet(rule.match.senders),
    contentTypes: toSet(rule.match.contentTypes),
    keywords: (rule.match.text?.keywords ?? []).map((k) => (caseSensitive ? k : k.toLowerCase())),
    patterns: (rule.match.text?.patterns ?? []).map((p) => compilePattern(p, caseSensitive)),
    caseSensitive,
    mask: [
      ...(mask?.keywords ?? []).map((k) => compileKeyword(k, caseSensitive)),
      ...(mask?.patterns ?? []).map((p) => compilePattern(p, caseSensitive)),
    ],
  };
}

function toSet<T extends string>(values: T[] | undefined): ReadonlySet<string> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

/**
 * The decision of the first rule (in order) whose match fits the event; null when none does, and the
 * decision endpoint or the default decides. A modify decision carries the whole message to deliver, built
 * from `event.message`; a modify rule does not apply to an event without a message.
 */
export function decideByRules(policy: BeforePolicy, event: UnifiedEvent): RuleDecision | null {
  const rules = compileRules(policy);
  if (rules.length === 0) return null;
  const facts = new EventFacts(event);
  for (const compiledRule of rules) {
    const { rule } = compiledRule;
    if (rule.action.type === 'modify' && !event.message) continue;
    if (matches(compiledRule, facts)) {
      return { decision: applyAction(rule.action, compiledRule, event.message), ruleId: rule.id };
    }
  }
  return null;
}

/** What the rules read of an event, each computed at most once however many rules ask. */
class EventFacts {
  private texts?: string[];
  private lowerTexts?: string[];
  private bytes?: number;

  constructor(readonly event: UnifiedEvent) {}

  get message(): UnifiedMessage | undefined {
    return this.event.message;
  }

  text(caseSensitive: boolean): string[] {
    this.texts ??= (this.event.message?.contents ?? []).flatMap((c) => (c.type === 'text' ? [c.text] : []));
    if (caseSensitive) return this.texts;
    this.lowerTexts ??= this.texts.map((t) => t.toLowerCase());
    return this.lowerTexts;
  }

  /** Contents and ext as JSON, in UTF-8 bytes: what the vendor counts against its message size limit. */
  size(): number {
    if (this.bytes === undefined) {
      const message = this.event.message;
      this.bytes = message
        ? Buffer.byteLength(JSON.stringify(message.contents)) +
          (message.ext ? Buffer.byteLength(JSON.stringify(message.ext)) : 0)
        : 0;
    }
    return this.bytes;
  }
}

function matches(compiledRule: CompiledRule, facts: EventFacts): boolean {
  const { match } = compiledRule.rule;
  const { event, message } = facts;
  if (match.eventTypes?.length && !match.eventTypes.some((p) => eventTypeMatches(p, event.type))) {
    return false;
  }
  if (match.conversationKinds?.length) {
    if (!event.conversation || !match.conversationKinds.includes(event.conversation.type)) return false;
  }
  if (compiledRule.conversationIds && !compiledRule.conversationIds.has(event.conversation?.id ?? '')) {
    return false;
  }
  if (compiledRule.senders && !compiledRule.senders.has(message?.from ?? event.actor ?? '')) return false;
  if (compiledRule.contentTypes) {
    const types = compiledRule.contentTypes;
    if (!message?.contents.some((c) => types.has(c.type))) return false;
  }
  if (match.size) {
    const bytes = facts.size();
    if (match.size.minBytes !== undefined && bytes < match.size.minBytes) return false;
    if (match.size.maxBytes !== undefined && bytes > match.size.maxBytes) return false;
  }
  if (match.mentions && !mentionsMatch(match.mentions, message)) return false;
  if (match.text && !textMatches(compiledRule, facts)) return false;
  return true;
}

function mentionsMatch(
  wanted: NonNullable<BeforeRule['match']['mentions']>,
  message: UnifiedMessage | undefined,
): boolean {
  const mentions = message?.mentions ?? { all: false, users: [] };
  if (wanted.all !== undefined && mentions.all !== wanted.all) return false;
  if (wanted.users?.length && !wanted.users.some((u) => mentions.users.includes(u))) return false;
  if (wanted.minCount !== undefined && mentions.users.length < wanted.minCount) return false;
  return true;
}

/** Any text content holds any keyword or matches any pattern. */
function textMatches(compiledRule: CompiledRule, facts: EventFacts): boolean {
  const texts = facts.text(compiledRule.caseSensitive);
  if (texts.length === 0) return false;
  for (const keyword of compiledRule.keywords) {
    if (texts.some((t) => t.includes(keyword))) return true;
  }
  if (compiledRule.patterns.length === 0) return false;
  // Patterns carry their own case flag: test the texts as sent.
  const original = facts.text(true);
  return compiledRule.patterns.some((p) => original.some((t) => p.test(t)));
}

function applyAction(
  action: BeforeRuleAction,
  compiledRule: CompiledRule,
  message: UnifiedMessage | undefined,
): BeforeDecision {
  switch (action.type) {
    case 'allow':
      return { action: 'allow' };
    case 'deny':
      return action.reason === undefined ? { action: 'deny' } : { action: 'deny', reason: action.reason };
    case 'modify': {
      const contents = (message?.contents ?? []).map((content) =>
        content.type === 'text'
          ? { ...content, text: changeText(content.text, action, compiledRule) }
          : content,
      );
      return { action: 'modify', message: { contents, ext: changeExt(message?.ext, action.dropExt) } };
    }
  }
}

function changeText(
  text: string,
  action: Extract<BeforeRuleAction, { type: 'modify' }>,
  compiledRule: CompiledRule,
): string {
  if (action.replaceText !== undefined) return action.replaceText;
  if (compiledRule.mask.length === 0) return text;
  return maskText(text, compiledRule.mask, action.mask?.with ?? '*');
}

/**
 * Every character inside any match becomes `mask`, one per code point: `猫😀` masks to `**`, not to one
 * mask per UTF-16 unit, so the sender sees as many marks as characters hidden.
 */
export function maskText(text: string, patterns: CompiledPattern[], mask: string): string {
  const hidden = new Uint8Array(text.length);
  let any = false;
  for (const pattern of patterns) {
    for (const [start, end] of matchRanges(pattern, text)) {
      hidden.fill(1, start, end);
      any = true;
    }
  }
  if (!any) return text;
  let out = '';
  let i = 0;
  for (const char of text) {
    out += hidden[i] ? mask : char;
    i += char.length;
  }
  return out;
}

/** The ext without the dropped top-level keys; null when the message had none. */
function changeExt(
  ext: Record<string, unknown> | undefined,
  drop: string[] | undefined,
): Record<string, unknown> | null {
  if (!ext) return null;
  if (!drop?.length) return { ...ext };
  const dropped = new Set(drop);
  return Object.fromEntries(Object.entries(ext).filter(([key]) => !dropped.has(key)));
}
