export { validateProviderConfig } from './provider-config.validator.js';
