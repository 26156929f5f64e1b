export { EasemobConfig, EASEMOB_SECRET_FIELDS } from './easemob.config.js';
export { EasemobProvider } from './easemob.provider.js';
export { EasemobModule } from './easemob.module.js';
