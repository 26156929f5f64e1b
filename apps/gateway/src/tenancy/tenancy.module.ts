import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { AppsController } from './apps.controller.js';
import { AppsService } from './apps.service.js';

/** Tenants (apps), their sealed vendor credentials, and app-scoped API keys. */
@Module({
  controllers: [AppsController, ApiKeysController],
  providers: [AppsService, ApiKeysService],
  exports: [AppsService, ApiKeysService],
})
export class TenancyModule {}
