/** The pure callback part of the Tencent provider: verify, classify, normalize, reply. */
export {
  readTencentEnvelope,
  TENCENT_REQUEST_TIME_SKEW_SECONDS,
  verifyTencentCallback,
  type TencentCallbackEnvelope,
} from './tencent-callback.verifier.js';
export { classifyTencentCallback, TENCENT_CALLBACK_COMMANDS } from './tencent-callback.classifier.js';
export { normalizeTencentCallback } from './tencent-callback.normalizer.js';
export { TENCENT_OK_BODY, tencentCallbackReply } from './tencent-callback.reply.js';
export { TENCENT_BEFORE_CAPABILITIES } from './tencent-before.capabilities.js';
export { tencentDecisionReply, type TencentElementEncoder } from './tencent-decision.reply.js';
export { RESERVED_COMMAND_MARKER, tencentMsgBodyContents } from './tencent-msg-body.normalizer.js';
export type {
  TencentCallbackConfig,
  TencentCallbackContext,
  TencentCommandSpec,
} from './tencent-callback.types.js';
