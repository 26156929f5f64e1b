import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { buildUnifiedEventSchema } from './unified-event.schema.js';

/*
 * The one validator of the event model: Ajv (JSON Schema 2020-12) over the published schema, the same
 * document as `schema/unified-event.schema.json` that consumers in other languages validate against.
 */

const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true });
const schema = buildUnifiedEventSchema();
ajv.addSchema(schema);
const id = schema.$id as string;

let validators: { event: ValidateFunction; draft: ValidateFunction } | undefined;

/** Compiled on first use, so importing the package costs nothing. */
function validatorOf(kind: 'event' | 'draft'): ValidateFunction {
  validators ??= {
    event: ajv.getSchema(id)!,
    draft: ajv.getSchema(`${id}#/$defs/UnifiedEventDraft`)!,
  };
  return validators[kind];
}

/** One Ajv error as a sentence that starts with the JSON Pointer of the offending field. */
function describe(error: ErrorObject): string {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${at}/${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${at}/${String(params.additionalProperty)} is not allowed`;
    case 'type':
      return `${at || '/'} must be ${String(params.type).split(',').join(' or ')}`;
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const list = allowed.length <= 8 ? allowed.join(', ') : 'the allowed values';
      return `${at || '/'} ${JSON.stringify(error.data)} is not one of ${list}`;
    }
    case 'discriminator':
      return `${at}/${String(params.tag)} ${JSON.stringify(params.tagValue)} is not one of the allowed values`;
    default:
      return `${at || '/'} ${error.message ?? `fails ${error.keyword}`}`;
  }
}

/**
 * The problems of a unified event against the published schema, each starting with the JSON Pointer of the
 * offending field (`/message/contents/0/url is required`); empty when valid. `draft` (the default) checks
 * what a provider's normalizer yields (`$defs.UnifiedEventDraft`); `event` an event as the events API
 * returns it and webhooks deliver it. Used by every provider's golden and fuzz specs and by the
 * conformance kit, so a normalizer cannot publish something malformed.
 */
export function unifiedEventProblems(value: unknown, kind: 'draft' | 'event' = 'draft'): string[] {
  const validate = validatorOf(kind);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map(describe))];
}
