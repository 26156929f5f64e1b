import { ID_KINDS, idProblem, type IdKind, type IdRule } from '@im-gateway/types';
import {
  ConformanceError,
  type ConformanceCheck,
  type ConformanceFixture,
  type ConformanceSubject,
} from './conformance.types.js';

/** One user, group or chat-room id found in golden events, with the JSON Pointer it was found at. */
export interface GoldenId {
  kind: IdKind;
  id: string;
  at: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Conversation kinds whose id (and whose messages' `to`) is an id of one of the `ID_KINDS`. */
const KIND_OF_CONVERSATION: Readonly<Record<string, IdKind>> = {
  direct: 'user',
  group: 'group',
  chatroom: 'chatroom',
};

/**
 * Every user, group and chat-room id in `golden`: senders, actors, subjects and mentions are users; a
 * conversation's id and a message's `to` are of the conversation's kind. Thread ids have no rule and are
 * left out, as is a `to` outside a conversation (its kind is unknown).
 */
export function goldenIds(golden: readonly unknown[]): GoldenId[] {
  const found: GoldenId[] = [];
  const add = (kind: IdKind | undefined, id: unknown, at: string) => {
    if (kind && typeof id === 'string') found.push({ kind, id, at });
  };
  golden.forEach((event, i) => {
    if (!isObject(event)) return;
    const at = `events/${i}`;
    const conversation = isObject(event.conversation) ? event.conversation : undefined;
    const kind = KIND_OF_CONVERSATION[String(conversation?.type)];
    add(kind, conversation?.id, `${at}/conversation/id`);
    add('user', event.actor, `${at}/actor`);
    if (Array.isArray(event.subjects))
      event.subjects.forEach((s, j) => add('user', s, `${at}/subjects/${j}`));
    const message = isObject(event.message) ? event.message : undefined;
    if (!message) return;
    add('user', message.from, `${at}/message/from`);
    add(kind, message.to, `${at}/message/to`);
    const mentioned = isObject(message.mentions) ? message.mentions.users : undefined;
    if (Array.isArray(mentioned))
      mentioned.forEach((u, j) => add('user', u, `${at}/message/mentions/users/${j}`));
  });
  return found;
}

/** What is wrong with a declared rule, or null; the pattern is compiled as `idProblem` compiles it. */
function ruleProblem(rule: IdRule | undefined): string | null {
  if (!isObject(rule)) return 'no rule declared';
  if (!Number.isInteger(rule.maxBytes) || rule.maxBytes < 1)
    return `maxBytes must be a positive integer, got ${JSON.stringify(rule.maxBytes)}`;
  if (typeof rule.description !== 'string' || rule.description.trim() === '') return 'no description';
  if (rule.pattern === undefined) return null;
  if (typeof rule.pattern !== 'string') return 'pattern must be a string';
  // Unanchored, a pattern would accept any id containing one good character.
  if (!rule.pattern.startsWith('^') || !rule.pattern.endsWith('$'))
    return `pattern ${JSON.stringify(rule.pattern)} is not anchored with ^…$`;
  try {
    new RegExp(rule.pattern, 'u');
  } catch (error) {
    return `pattern ${JSON.stringify(rule.pattern)} does not compile: ${(error as Error).message}`;
  }
  return null;
}

/**
 * The provider declares a sound rule for every id kind, and every id in its golden events passes it: the
 * vendor's own examples are real ids, so a rule that refuses one is wrong. Ids the subject names as the
 * vendor's placeholders are skipped.
 */
export function idChecks<Config extends object>(subject: ConformanceSubject<Config>): ConformanceCheck[] {
  const { provider } = subject;
  const rules: Partial<Record<IdKind, IdRule>> = provider.capabilities.ids ?? {};
  const placeholders = new Set(subject.placeholderIds ?? []);
  const perFixture = (f: ConformanceFixture): ConformanceCheck => ({
    name: `ids: ${f.name}`,
    run: () => {
      for (const { kind, id, at } of goldenIds(f.golden)) {
        const rule = rules[kind];
        // A broken rule is reported by `ids: declared`, once.
        if (placeholders.has(id) || !rule || ruleProblem(rule)) continue;
        const problem = idProblem(rule, id);
        if (problem)
          throw new ConformanceError(
            `ids: fixture ${f.name}: ${at}: ${provider.name} ${kind} id ${JSON.stringify(id)} ${problem}`,
          );
      }
    },
  });
  return [
    {
      name: 'ids: declared',
      run: () => {
        for (const kind of ID_KINDS) {
          const problem = ruleProblem(rules[kind]);
          if (problem) throw new ConformanceError(`ids: provider ${provider.name}: ${kind}: ${problem}`);
        }
      },
    },
    ...subject.fixtures.map(perFixture),
  ];
}
