export { EasemobConfig, EASEMOB_SECRET_FIELDS } from './easemob.config.js';
export { EASEMOB_CAPABILITIES } from './easemob.capabilities.js';
export { EasemobProvider } from './easemob.provider.js';
export { EasemobModule } from './easemob.module.js';
export { EasemobRestClient } from './rest/easemob-rest.client.js';
export { EASEMOB_API_LIMITS, EASEMOB_BATCH_SIZES } from './rest/easemob-api-limits.js';
export { EASEMOB_MIGRATION_APIS, EASEMOB_MIGRATION_API_LIMITS } from './migration/easemob-migration.apis.js';
export { EASEMOB_MIGRATION_CAPABILITIES } from './migration/easemob-migration.capabilities.js';
