import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { IM_PROVIDER, ImGatewayError, type ImProvider } from '@im-gateway/types';

/**
 * The providers the gateway knows, collected from every module that registers one under `IM_PROVIDER`
 * (Nest has no multi-providers; `each: true` returns them all). Adding a vendor is importing its module.
 */
@Injectable()
export class ProviderRegistry implements OnModuleInit {
  private readonly byName = new Map<string, ImProvider>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    const providers = this.moduleRef.get<ImProvider[]>(IM_PROVIDER, {
      each: true,
      strict: false,
    }) as unknown as ImProvider[];
    for (const provider of providers) {
      if (this.byName.has(provider.name)) throw new Error(`Two providers are named ${provider.name}`);
      this.byName.set(provider.name, provider);
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
}
