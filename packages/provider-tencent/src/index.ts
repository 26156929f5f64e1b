export { TencentConfig, TENCENT_SECRET_FIELDS } from './tencent.config.js';
export { TencentProvider } from './tencent.provider.js';
export { TencentModule } from './tencent.module.js';
