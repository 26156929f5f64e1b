import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { ConfigError } from '../config/gateway.config.js';
import { IM_PROVIDER, ImGatewayError, type ImProvider, type ProviderCapabilities } from '@im-gateway/types';

/** The providers that run when `GATEWAY_PROVIDERS` is not set: the ones the gateway ships with. */
export const DEFAULT_PROVIDERS = ['easemob', 'tencent'];

/**
 * The providers the gateway knows, collected from every module that registers one under `IM_PROVIDER`
 * (Nest has no multi-providers; `each: true` returns them all). Adding a vendor is importing its module.
 */
@Injectable()
export class ProviderRegistry implements OnModuleInit {
  private readonly byName = new Map<string, ImProvider>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly settings: GatewaySettingsRef,
  ) {}

  onModuleInit(): void {
    const providers = this.moduleRef.get<ImProvider>(IM_PROVIDER, { each: true, strict: false });
    const registered = new Map<string, ImProvider>();
    for (const provider of providers) {
      if (registered.has(provider.name)) throw new Error(`Two providers are named ${provider.name}`);
      registered.set(provider.name, provider);
    }
    // An imported module is only a candidate: a new provider runs once configuration names it, and a
    // misspelt name stops the start rather than silently leaving a vendor out.
    const enabled = this.settings.value.providers ?? DEFAULT_PROVIDERS.filter((n) => registered.has(n));
    for (const name of enabled) {
      const provider = registered.get(name);
      if (!provider)
        throw new ConfigError(
          `Invalid configuration: GATEWAY_PROVIDERS names "${name}", which no imported provider module registers; known: ${[
            ...registered.keys(),
          ].join(', ')}`,
        );
      this.byName.set(name, provider);
    }
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  find(name: string): ImProvider | undefined {
    return this.byName.get(name);
  }

  get(name: string): ImProvider {
    const provider = this.byName.get(name);
    if (!provider)
      throw new ImGatewayError(
        'provider_not_found',
        `Unknown provider "${name}"; known: ${this.names().join(', ')}.`,
      );
    return provider;
  }

  /** Every provider's public description, by name: what `GET /v1/providers` and the docs matrix show. */
  describe(): { name: string; displayName: string; capabilities: ProviderCapabilities }[] {
    return this.names().map((name) => {
      const { displayName, capabilities } = this.get(name);
      return { name, displayName, capabilities };
    });
  }
}
