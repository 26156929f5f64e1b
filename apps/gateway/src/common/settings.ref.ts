import type { GatewaySettings } from '../config/gateway-settings.js';

/** The resolved settings, injectable by class (a plain object cannot be a Nest provider token by type). */
export class GatewaySettingsRef {
  constructor(readonly value: GatewaySettings) {}
}
