import { createHash } from 'node:crypto';

/**
 * One REST client per vendor account and credentials, so that what a client caches (an app token, a
 * UserSig) is shared by every send of the app and renewed when its credentials change. Keyed by a hash of
 * the fields named, so the credentials are not kept as map keys.
 */
export class ClientCache<Config, Client> {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly keyFields: (config: Config) => readonly unknown[],
    private readonly create: (config: Config) => Client,
  ) {}

  get(config: Config): Client {
    const key = createHash('sha256')
      .update(JSON.stringify(this.keyFields(config)))
      .digest('hex');
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(config);
      this.clients.set(key, client);
    }
    return client;
  }
}
