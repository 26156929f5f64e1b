export { timingSafeEqualString } from './timing-safe-equal.js';
export { easemobCallbackSignature, tencentCallbackSign } from './callback-signatures.js';
export { generateUserSig, verifyUserSig, UserSigError } from './usersig.js';
export type {
  GenerateUserSigInput,
  UserSigErrorReason,
  UserSigKey,
  VerifiedUserSig,
  VerifyUserSigOptions,
} from './usersig.js';
export {
  generateWebhookSecret,
  signWebhook,
  webhookSignatureHeader,
  verifyWebhook,
  WebhookVerificationError,
  WEBHOOK_TOLERANCE_SECONDS,
} from './standard-webhooks.js';
export type {
  SignWebhookInput,
  VerifyWebhookInput,
  WebhookMessage,
  WebhookVerificationReason,
} from './standard-webhooks.js';
