export {
  EVENT_TYPES,
  eventTypeMatches,
  isEventType,
  isEventTypePattern,
  type EventType,
} from './event-types.js';
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
export { unifiedEventProblems } from './unified-event.validator.js';
export {
  CallbackRejectedError,
  ImGatewayError,
  ProviderConfigInvalidError,
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
export {
  CapabilityUnsupportedError,
  failedRecipient,
  isRetryableErrorCode,
  SENDABLE_CONTENT_FIELDS,
  SENDABLE_CONTENT_TYPES,
  SEND_PRIORITIES,
  SEND_TARGET_TYPES,
  VendorRequestError,
  type RecallRequest,
  type RecipientError,
  type RecipientResult,
  type SendableContent,
  type SendableContentType,
  type SendOptions,
  type SendPriority,
  type SendRequest,
  type SendResult,
  type SendTarget,
  type SendTargetType,
  type VendorApiLimit,
  type VendorCallContext,
  type VendorErrorCode,
} from './send.js';
export {
  assertRecallSupported,
  assertSendSupported,
  ID_KINDS,
  OPTION_CAPABILITY_NAMES,
  type IdKind,
  type IdRule,
  type OptionCapabilityName,
  type ProviderCapabilities,
  type ProviderLimits,
  type SendOptionSupport,
} from './capabilities.js';
export { idProblem } from './id-rules.js';
export { buildUnifiedEventSchema, type JsonSchema } from './unified-event.schema.js';
export { readRelayMarker, RELAY_EXT_KEY, type RelayMarker, type RelayOrigin } from './relay-marker.js';
