/**
 * Machine-readable error codes shared by every package. The gateway maps each code to an HTTP status in
 * one exhaustive switch (apps/gateway/src/common/error-status.ts), so adding a code here is a compile error
 * there until it has a status.
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_request',
  'invalid_user_list',
  'invalid_destination',
  'destination_unreachable',
  'private_address',
  'invalid_cursor',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'route_not_found',
  'conflict',
  'idempotency_conflict',
  'provider_not_found',
  'provider_config_invalid',
  'policy_invalid',
  'window_invalid',
  'capability_unsupported',
  'mapping_missing',
  'callback_signature_missing',
  'callback_signature_invalid',
  'callback_app_mismatch',
  'callback_request_expired',
  'callback_malformed',
  'vendor_rejected',
  'vendor_auth_failed',
  'vendor_rate_limited',
  'vendor_unavailable',
  'vendor_timeout',
  'rate_limited',
  'dependency_unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem, e.g. `{ field: 'config.clientId', message: 'must be a non-empty string' }`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Base of every error the gateway turns into `{ error: { code, message, details? } }`. */
export class ImGatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An app's provider config failed its provider's rules. */
export class ProviderConfigInvalidError extends ImGatewayError {
  constructor(readonly issues: FieldIssue[]) {
    super(
      'provider_config_invalid',
      `Invalid provider config: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      issues,
    );
  }
}

/** Why a vendor callback was refused before anything in it was trusted. */
export type CallbackRejectionCode = Extract<
  ErrorCode,
  | 'callback_signature_missing'
  | 'callback_signature_invalid'
  | 'callback_app_mismatch'
  | 'callback_request_expired'
  | 'callback_malformed'
  | 'invalid_json'
>;

/**
 * Thrown by a provider's verifier or normalizer: the callback is not accepted and nothing from it is
 * published. The only exception a normalizer may throw; the fuzz specs hold every provider to that.
 */
export class CallbackRejectedError extends ImGatewayError {
  constructor(
    override readonly code: CallbackRejectionCode,
    message: string,
  ) {
    super(code, message);
  }
}
