// Easemob REST error body (easemob.md §0 item 2): error type, Java exception, ms timestamp,
// duration and description; newer send errors add a numeric `error_code`.

export interface EasemobErrorReply {
  status: number;
  body: Record<string, unknown>;
}

export function easemobError(
  status: number,
  error: string,
  description: string,
  exception = 'EasemobException',
  errorCode?: number,
): EasemobErrorReply {
  const body: Record<string, unknown> = {
    error,
    exception,
    timestamp: Date.now(),
    duration: 0,
  };
  if (errorCode !== undefined) body['error_code'] = errorCode;
  body['error_description'] = description;
  return { status, body };
}

export const sendError = (description: string, errorCode?: number): EasemobErrorReply =>
  easemobError(400, 'message_send_error', description, 'MessageSendException', errorCode);

export const invalidBody = (): EasemobErrorReply =>
  easemobError(
    400,
    'invalid_request_body',
    'Request body is invalid. Please check body is correct.',
    'InvalidRequestBodyException',
  );

/** 429 from the per-second call limits (easemob.md §2.5: `reach_limit`). */
export const reachLimit = (): EasemobErrorReply =>
  easemobError(429, 'reach_limit', 'This request has reached api limit', 'ReachLimitException');

/** 403 from the message-count limits (easemob.md §2.5, seed 001). */
export const sendReachLimit = (): EasemobErrorReply =>
  easemobError(403, 'message_send_error', 'message send reach limit', 'MessageSendException');

export const appNotFound = (org: string, app: string, rest: string): EasemobErrorReply =>
  easemobError(
    404,
    'organization_application_not_found',
    `Could not find application for ${org}/${app} from URI: ${org}/${app}/${rest}`,
    'OrganizationApplicationNotFoundException',
  );
