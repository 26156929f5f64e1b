import { Global, Module } from '@nestjs/common';
import { EasemobModule } from '@im-gateway/provider-easemob';
import { TencentModule } from '@im-gateway/provider-tencent';
import { ProviderRegistry } from './provider-registry.js';
import { ProvidersController } from './providers.controller.js';

/**
 * Every vendor module the gateway can run. A new provider package adds its module here
 * (`npm run new-provider` does); `GATEWAY_PROVIDERS` decides which of them run (ProviderRegistry).
 */
@Global()
@Module({
  imports: [EasemobModule, TencentModule],
  controllers: [ProvidersController],
  providers: [ProviderRegistry],
  exports: [ProviderRegistry],
})
export class ProvidersModule {}
