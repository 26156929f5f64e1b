import { ERROR_CODES } from '@im-gateway/types';

/** The one error body every failing API call answers with (see `common/error-body.ts`). */
export const ERROR_SCHEMA = {
  type: 'object',
  description: 'The error body every API error shares.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      description: 'What went wrong.',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES], description: 'Machine-readable cause.' },
        message: { type: 'string', description: 'One sentence for a person.' },
        details: {
          type: 'array',
          description: 'Per-field problems, for validation errors.',
          items: {
            type: 'object',
            description: 'One field and what is wrong with it.',
            required: ['field', 'message'],
            properties: {
              field: { type: 'string', description: 'The field (a dotted path).' },
              message: { type: 'string', description: 'What is wrong with it.' },
            },
          },
        },
      },
    },
  },
} as const;

const ERROR_STATUSES: Record<string, string> = {
  '400': 'The request is malformed or fails validation.',
  '401': 'No valid admin token or API key.',
  '403': 'The credential may not do this (an app key on an admin-only route).',
  '404': 'No such resource (or not visible to this credential).',
  '409': 'The resource is in a state that forbids this.',
  '429': 'Too many requests; see Retry-After.',
  '500': 'An unexpected failure in the gateway.',
  '503': 'A dependency is unavailable; retry later.',
};

type Operation = {
  responses?: Record<string, unknown>;
  security?: unknown[];
  parameters?: { in?: string }[];
};

/**
 * Declares the shared error body on every bearer-authenticated operation, for each status the error
 * filter can answer, so a generated client types `error` once. Statuses a route declares itself stay.
 */
export function declareErrorResponses(paths: Record<string, Record<string, Operation>>): void {
  const ref = { $ref: '#/components/schemas/ErrorResponse' };
  for (const ops of Object.values(paths))
    for (const op of Object.values(ops)) {
      if (!op.security?.length) {
        op.security = []; // public: callbacks (vendor signatures) and health answer in their own formats
        continue;
      }
      op.responses ??= {};
      for (const [status, description] of Object.entries(ERROR_STATUSES))
        if (!op.responses[status])
          op.responses[status] = { description, content: { 'application/json': { schema: ref } } };
    }
}
