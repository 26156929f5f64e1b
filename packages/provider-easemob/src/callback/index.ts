// The pure part of the Easemob provider: no framework, no I/O. Exported as `@im-gateway/provider-easemob/callback`.
export { EASEMOB_CALLBACK_SKEW_SECONDS, verifyEasemobCallback } from './easemob-callback.verifier.js';
export { normalizeEasemobCallback } from './easemob-callback.normalizer.js';
export { classifyEasemobCallback } from './easemob-callback.classifier.js';
export { easemobCallbackReply, EASEMOB_PRESEND_REPLY } from './easemob-callback.reply.js';
export { EASEMOB_BEFORE_CAPABILITIES } from './easemob-before.capabilities.js';
export {
  easemobDecisionReply,
  EASEMOB_MAX_REPLY_CHARS,
  type EasemobBodyEncoder,
} from './easemob-decision.reply.js';
export { EASEMOB_CALLBACK_KINDS, EASEMOB_UNKNOWN_KIND_PATTERNS } from './easemob-callback.kinds.js';
export { parseEasemobId, plainEasemobId } from './easemob-ids.js';
export type { EasemobIdParts } from './easemob-ids.js';
export type { EasemobCallbackFamily, EasemobClassification } from './easemob-callback.types.js';
