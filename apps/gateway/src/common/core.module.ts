import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { GatewaySettings } from '../config/gateway-settings.js';
import { SecretBox } from './secret-box.js';
import { GatewaySettingsRef } from './settings.ref.js';

/** Settings and the secret box, available everywhere. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(settings: GatewaySettings): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: GatewaySettingsRef, useValue: new GatewaySettingsRef(settings) },
        { provide: SecretBox, useValue: new SecretBox(settings.masterKey) },
      ],
      exports: [GatewaySettingsRef, SecretBox],
    };
  }
}
