export { TencentConfig, TENCENT_SECRET_FIELDS } from './tencent.config.js';
export { TENCENT_CAPABILITIES } from './tencent.capabilities.js';
export { TencentProvider } from './tencent.provider.js';
export { TencentModule } from './tencent.module.js';
export { TencentRestClient, type TencentClientOptions } from './rest/tencent-rest.client.js';
export { TENCENT_API_LIMITS } from './rest/tencent-api-limits.js';
export { CALLBACK_ONLY_FIELDS as TENCENT_CALLBACK_ONLY_FIELDS } from './reconcile/tencent-recovered.events.js';
export { TENCENT_RECONCILE_CAPABILITIES } from './reconcile/tencent-reconcile.capabilities.js';
