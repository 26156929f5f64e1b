import { Global, Module } from '@nestjs/common';
import { EasemobModule } from '@im-gateway/provider-easemob';
import { TencentModule } from '@im-gateway/provider-tencent';
import { ProviderRegistry } from './provider-registry.js';

/** Every vendor the gateway ships with. A new provider package adds its module here. */
@Global()
@Module({
  imports: [EasemobModule, TencentModule],
  providers: [ProviderRegistry],
  exports: [ProviderRegistry],
})
export class ProvidersModule {}
