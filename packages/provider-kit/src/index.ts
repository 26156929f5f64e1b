export { validateProviderConfig } from './provider-config.validator.js';
export {
  CAPABILITY_MATRIX_END,
  CAPABILITY_MATRIX_START,
  renderCapabilityMatrix,
  replaceCapabilityMatrix,
  type ProviderDescription,
} from './capability-matrix.js';
export {
  describeSendCase,
  refusedCapability,
  refuseUnsupportedContentFields,
  unsupportedSendCases,
  type UnsupportedSendCase,
} from './capability-cases.js';
export { ClientCache } from './rest/client-cache.js';
export { callWithFreshCredential, type CredentialCache } from './rest/credential-retry.js';
export { chunks, sendVendorCalls, type VendorCall } from './rest/vendor-calls.js';
export {
  downloadVendorFile,
  postVendorJson,
  requestVendor,
  retryAfterMs,
  vendorNetworkError,
  vendorStatusError,
  type VendorAnswer,
  type VendorHttpClient,
} from './rest/vendor-http.js';
export { decodeMigrationCursor, encodeMigrationCursor, failedItem } from './migration/migration-items.js';
