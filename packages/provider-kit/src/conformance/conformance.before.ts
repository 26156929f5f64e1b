import {
  EVENT_TYPES,
  MODIFIABLE_PARTS,
  type BeforeCommandSupport,
  type BeforeDecision,
  type CallbackReply,
  type ImProvider,
  type MessageContent,
  type ModifiedMessage,
  type NormalizedCallback,
} from '@im-gateway/types';
import {
  ConformanceError,
  type ConformanceCheck,
  type ConformanceSubject,
  type ContextualRequest,
} from './conformance.types.js';

const KNOWN_EVENTS = new Set<string>(EVENT_TYPES);
const KNOWN_PARTS = new Set<string>(MODIFIABLE_PARTS);
/** What the check's modify puts in place of every text: any change a modify could make. */
const MASKED = '[masked by the conformance check]';

/** What is wrong with `capabilities.before` itself, as sentences naming the field; empty when nothing is. */
export function beforeDeclarationProblems<Config extends object>(provider: ImProvider<Config>): string[] {
  const { timeoutMs, onTimeout, configurableWait, commands } = provider.capabilities.before;
  const problems: string[] = [];
  // A vendor without before-callbacks has no wait to declare.
  if (commands.length > 0 && (!Number.isInteger(timeoutMs) || timeoutMs < 1))
    problems.push(`before.timeoutMs is ${String(timeoutMs)}, not a positive integer`);
  if (onTimeout.trim() === '') problems.push('before.onTimeout is empty: say what the vendor does');
  if (configurableWait) {
    const { minMs, maxMs } = configurableWait;
    if (!Number.isInteger(minMs) || !Number.isInteger(maxMs) || minMs < 1 || minMs > maxMs)
      problems.push(
        `before.configurableWait is ${minMs}–${maxMs} ms, not a range of positive integers from low to high`,
      );
    // The default is one of the waits the console offers, or the declaration contradicts itself.
    else if (timeoutMs < minMs || timeoutMs > maxMs)
      problems.push(`before.timeoutMs ${timeoutMs} is outside before.configurableWait ${minMs}–${maxMs} ms`);
  }
  const seen = new Set<string>();
  for (const c of commands) {
    if (seen.has(c.vendorKind)) problems.push(`before.commands lists ${c.vendorKind} twice`);
    seen.add(c.vendorKind);
    if (!KNOWN_EVENTS.has(c.eventType) || !c.eventType.endsWith('.requested'))
      problems.push(`before.commands ${c.vendorKind}: eventType ${c.eventType} is not a .requested event`);
    if (c.denyReason && !c.deny) problems.push(`before.commands ${c.vendorKind}: denyReason without deny`);
    for (const part of c.modify)
      if (!KNOWN_PARTS.has(part))
        problems.push(`before.commands ${c.vendorKind}: modify has "${part}", not a ModifiablePart`);
  }
  return problems;
}

/**
 * A modify the command supports, made from the message the callback carries: every text masked (when text
 * or contents may change), and a marker added to ext (when ext may).
 */
export function conformanceModification(
  support: BeforeCommandSupport,
  normalized: NormalizedCallback,
): ModifiedMessage {
  const message = normalized.events.find((e) => e.type === support.eventType)?.message;
  const original: MessageContent[] = message?.contents ?? [];
  const mayChangeText = support.modify.includes('text') || support.modify.includes('contents');
  const contents: MessageContent[] = mayChangeText
    ? original.map((c) => (c.type === 'text' ? { type: 'text', text: MASKED } : c))
    : original;
  const withText = contents.length > 0 ? contents : [{ type: 'text' as const, text: MASKED }];
  const ext = support.modify.includes('ext') ? { ...message?.ext, conformance: 'modified' } : message?.ext;
  return { contents: withText, ...(ext ? { ext } : {}) };
}

const same = (a: CallbackReply, b: CallbackReply) =>
  a.status === b.status && JSON.stringify(a.body) === JSON.stringify(b.body);

/**
 * The before-callback checks: the declarations are well formed, and for every declared command the
 * classifier recognises a callback of that vendorKind (from a fixture, else the subject's `beforeCallback`),
 * normalizes it to the declared `.requested` event with an allow reply, and `decisionReply` answers every
 * action the command supports with HTTP 200 — allow as the allow reply, deny and modify with something
 * else (an answer equal to "allow" would let the operation through unchanged).
 */
export function beforeChecks<Config extends object>(subject: ConformanceSubject<Config>): ConformanceCheck[] {
  const { provider } = subject;
  const fail = (kind: string, detail: string) => new ConformanceError(`before: ${kind}: ${detail}`);
  let byKind: Map<string, ContextualRequest<Config>> | undefined;
  /** A request of each vendorKind the fixtures hold, normalized once on first use. */
  const fixtureOf = (kind: string) => {
    byKind ??= new Map(
      subject.fixtures.flatMap((f) => {
        const context = subject.context(f);
        try {
          const { vendorKind } = provider.normalizeCallback(f.request, context);
          return [[vendorKind, { request: f.request, context }] as const];
        } catch {
          return [];
        }
      }),
    );
    return byKind.get(kind);
  };

  const checkCommand = (support: BeforeCommandSupport) => {
    const kind = support.vendorKind;
    const callback = fixtureOf(kind) ?? subject.beforeCallback?.(kind);
    if (!callback)
      throw fail(kind, 'no fixture is of this kind: add one, or give the subject a beforeCallback for it');
    const normalized = provider.normalizeCallback(callback.request, callback.context);
    if (normalized.vendorKind !== kind)
      throw fail(kind, `the classifier names the callback ${normalized.vendorKind}`);
    if (!normalized.events.some((e) => e.type === support.eventType))
      throw fail(
        kind,
        `declared as ${support.eventType}, normalized to ${normalized.events.map((e) => e.type).join(', ')}`,
      );
    const allowReply = normalized.reply;
    if (!allowReply) throw fail(kind, 'normalizeCallback gives no allow reply for a before-callback');
    const answer = (decision: BeforeDecision) => {
      const reply = provider.decisionReply(normalized, callback.request, decision);
      if (reply.status !== 200) throw fail(kind, `${decision.action} answers HTTP ${reply.status}, not 200`);
      return reply;
    };
    if (!same(answer({ action: 'allow' }), allowReply))
      throw fail(kind, 'allow answers differently from the allow reply of normalizeCallback');
    if (support.deny && same(answer({ action: 'deny', reason: 'conformance' }), allowReply))
      throw fail(kind, 'deny answers as allow');
    if (support.modify.length > 0) {
      const modified = answer({ action: 'modify', message: conformanceModification(support, normalized) });
      if (same(modified, allowReply)) throw fail(kind, 'modify answers as allow');
    }
  };

  return [
    {
      name: 'before: declarations are well formed',
      run: () => {
        const problems = beforeDeclarationProblems(provider);
        if (problems.length > 0) throw new ConformanceError(`before: ${problems.join('; ')}`);
      },
    },
    ...provider.capabilities.before.commands.map((support) => ({
      name: `before: ${support.vendorKind}`,
      run: () => checkCommand(support),
    })),
  ];
}
