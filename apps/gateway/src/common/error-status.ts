import type { ErrorCode } from '@im-gateway/types';

/** The HTTP status of each error code. Exhaustive: a new code does not compile until it has a status. */
export function statusOfErrorCode(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'invalid_request':
    case 'invalid_user_list':
    case 'invalid_destination':
    case 'destination_unreachable':
    case 'private_address':
    case 'invalid_cursor':
    case 'invalid_json':
    case 'provider_config_invalid':
    case 'policy_invalid':
    case 'window_invalid':
    case 'callback_malformed':
    case 'provider_not_found':
      return 400;
    case 'unauthorized':
    case 'callback_signature_missing':
    case 'callback_signature_invalid':
    case 'callback_request_expired':
      return 401;
    case 'forbidden':
    case 'callback_app_mismatch':
      return 403;
    case 'not_found':
    case 'route_not_found':
      return 404;
    case 'request_timeout':
      return 408;
    case 'conflict':
    case 'idempotency_conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'uri_too_long':
      return 414;
    case 'unsupported_media_type':
      return 415;
    case 'capability_unsupported':
    case 'mapping_missing':
    case 'vendor_rejected':
      return 422;
    case 'rate_limited':
    case 'vendor_rate_limited':
      return 429;
    case 'headers_too_large':
      return 431;
    case 'internal_error':
      return 500;
    case 'vendor_auth_failed':
    case 'vendor_unavailable':
      return 502;
    case 'dependency_unavailable':
      return 503;
    case 'vendor_timeout':
      return 504;
  }
}
