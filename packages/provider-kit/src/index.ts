export { validateProviderConfig } from './provider-config.validator.js';
export {
  CAPABILITY_MATRIX_END,
  CAPABILITY_MATRIX_START,
  renderCapabilityMatrix,
  replaceCapabilityMatrix,
  type ProviderDescription,
} from './capability-matrix.js';
export { describeSendCase, unsupportedSendCases, type UnsupportedSendCase } from './capability-cases.js';
