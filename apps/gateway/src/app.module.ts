import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BeforePolicyModule } from './before-policy/before-policy.module.js';
import { BridgesModule } from './bridges/bridges.module.js';
import { CallbacksModule } from './callbacks/callbacks.module.js';
import { CoreModule } from './common/core.module.js';
import type { GatewaySettings } from './config/gateway-settings.js';
import { DatabaseModule } from './database/database.module.js';
import { EndpointsModule } from './endpoints/endpoints.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MigrationsModule } from './migrations/migrations.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { AuthGuard } from './tenancy/auth.guard.js';
import { TenancyModule } from './tenancy/tenancy.module.js';

/** The gateway: one module per bounded context. */
@Module({})
export class AppModule {
  /** `extra`: more modules to run, e.g. a test double provider (a module registering `IM_PROVIDER`). */
  static forRoot(settings: GatewaySettings, extra: DynamicModule[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(settings),
        DatabaseModule.forRoot(settings),
        MetricsModule,
        ProvidersModule,
        TenancyModule,
        BeforePolicyModule,
        CallbacksModule,
        EventsModule,
        MessagesModule,
        EndpointsModule,
        BridgesModule,
        MigrationsModule,
        ReconciliationModule,
        HealthModule,
        RetentionModule,
        ...extra,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
