import { ImGatewayError } from '@im-gateway/types';
import type { Placeholders } from './destination.js';

const PLACEHOLDERS = ['type', 'appId', 'conversationType', 'conversationId'] as const;
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a template names that are not known, e.g. `['conversation']`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * Fills a routing-key or subject template. `clean` rewrites each filled-in id (not the template's own
 * text) so that an id cannot add separators or wildcards the template did not have. `{type}` is filled in
 * as it is: event types are dot-separated lowercase words, so `message.*` bindings and subjects work.
 */
export function renderTemplate(
  template: string,
  values: Placeholders,
  clean: (value: string) => string = (v) => v,
): string {
  return template.replace(PLACEHOLDER, (_, name: keyof Placeholders) =>
    name === 'type' ? values.type : clean(values[name]),
  );
}

/**
 * NATS subjects: dot-separated tokens, none empty, no whitespace; `*` and `>` are subscription wildcards
 * and may not appear in a subject published to. Ids filled in keep their characters but for those rules
 * (a `.` in a conversation id would split a token; it becomes `_`).
 */
export const cleanNatsToken = (value: string): string => value.replace(/[\s.*>]/g, '_') || '_';

export function assertNatsSubjectTemplate(template: string, field: string): void {
  assertPlaceholders(template, field);
  const sample = renderTemplate(template, {
    type: 'message.created',
    appId: 'a',
    conversationType: 'c',
    conversationId: 'i',
  });
  if (sample.length > 255 || sample.split('.').some((t) => t === '' || /[\s*>]/.test(t)))
    throw invalidDestination(
      field,
      `${field} must be dot-separated tokens without whitespace, empty tokens, * or > (got ${JSON.stringify(template)})`,
    );
}

/**
 * AMQP 0-9-1 routing keys are short strings: at most 255 bytes. Topic exchanges split them on dots, so
 * ids filled in lose theirs, as on NATS, and `*` / `#` (binding wildcards) are refused in the template.
 */
export const cleanAmqpWord = (value: string): string => value.replace(/[.*#\s]/g, '_') || '_';

export function assertRoutingKeyTemplate(template: string, field: string): void {
  assertPlaceholders(template, field);
  // Leaves 255 - 4 × 40 bytes of room for the filled-in values' own length, checked again at send time.
  if (Buffer.byteLength(template) > 200 || /[*#\s]/.test(template.replace(PLACEHOLDER, '')))
    throw invalidDestination(
      field,
      `${field} must be at most 200 bytes, without whitespace, * or # (got ${JSON.stringify(template)})`,
    );
}

function assertPlaceholders(template: string, field: string): void {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0)
    throw invalidDestination(
      field,
      `${field} uses unknown placeholder {${unknown[0]}}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
    );
}

export function invalidDestination(field: string, message: string): ImGatewayError {
  return new ImGatewayError('invalid_destination', message, [{ field, message }]);
}
