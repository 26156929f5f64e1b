import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { IdempotencyService } from './idempotency.service.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { VendorCallExecutor } from './vendor-call.executor.js';
import { VendorRateLimiter } from './vendor-rate.limiter.js';

/** The unified send API: send, read back, recall; idempotency keys; vendor pacing and retries. */
@Module({
  imports: [TenancyModule],
  controllers: [MessagesController],
  providers: [MessagesService, IdempotencyService, VendorCallExecutor, VendorRateLimiter],
  exports: [MessagesService, VendorCallExecutor],
})
export class MessagesModule {}
