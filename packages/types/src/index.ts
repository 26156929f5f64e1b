export { EVENT_TYPES, eventTypeMatches, isEventType, type EventType } from './event-types.js';
export {
  CONVERSATION_TYPES,
  MESSAGE_CONTENT_TYPES,
  type Conversation,
  type ConversationType,
  type ImageVariant,
  type MessageContent,
  type MessageContentType,
  type UnifiedEvent,
  type UnifiedEventDraft,
  type UnifiedMessage,
} from './unified-event.js';
export { isValidUnifiedEventDraft, unifiedEventProblems } from './unified-event.validator.js';
export {
  CallbackRejectedError,
  ERROR_CODES,
  ImGatewayError,
  ProviderConfigInvalidError,
  isImGatewayError,
  type CallbackRejectionCode,
  type ErrorCode,
  type FieldIssue,
} from './errors.js';
export {
  IM_PROVIDER,
  type CallbackContext,
  type CallbackOutcome,
  type CallbackReply,
  type CallbackRequest,
  type ConfigValidationResult,
  type ImProvider,
  type NormalizedCallback,
} from './provider.js';
