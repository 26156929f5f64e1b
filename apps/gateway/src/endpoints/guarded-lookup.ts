import { lookup as dnsLookup, type LookupAddress, type LookupOneOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './endpoint-url.policy.js';

export type Lookup = typeof dnsLookup;

/**
 * A `lookup` for node:http(s) that refuses, at connect time, a host resolving to a non-public address
 * (error code `EFORBIDDENADDRESS`), so a DNS answer that changed since a URL was checked cannot reach an
 * internal service. Shared by webhook deliveries and decision-endpoint calls.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Lookup = dnsLookup): LookupFunction {
  return ((
    hostname: string,
    options: LookupOneOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as unknown as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused) {
        const error: NodeJS.ErrnoException = new Error(
          `refused to connect to non-public address ${refused.address}`,
        );
        error.code = 'EFORBIDDENADDRESS';
        return callback(error, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;
}

/** An address written in a URL is connected to without a lookup, so it is checked on its own. */
export function forbiddenLiteral(target: URL, allowPrivate: boolean): string | undefined {
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  return !allowPrivate && isIP(literal) && !isPublicAddress(literal) ? literal : undefined;
}
