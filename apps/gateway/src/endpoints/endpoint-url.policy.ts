import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ImGatewayError } from '@im-gateway/types';

/** 2000::/3, the only IPv6 block IANA allocates for global unicast (RFC 4291 §2.4, IANA registry). */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an address may receive webhooks. Only globally routable unicast addresses may: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata services live at
 * 169.254.169.254 — and fe80::/10), carrier-grade NAT, multicast, reserved and unspecified ranges are
 * refused, including IPv4 written as IPv6 (`::ffff:127.0.0.1`). An IPv6 address must also lie in 2000::/3:
 * the address library calls everything it does not classify "unicast", which would pass the deprecated
 * IPv4-compatible ::/96 (`::127.0.0.1`, `::a9fe:a9fe`), routed to the IPv4 address by some stacks.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
  return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
}

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks an endpoint URL when it is created or changed: http(s) only, no credentials in it, and — unless
 * private addresses are allowed — every address its host resolves to must be public. The same check runs
 * again at delivery time on the address actually connected to (DNS can change in between).
 */
export async function assertEndpointUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url must use http or https');
  if (url.username || url.password)
    throw invalid('url must not carry credentials; use static headers instead');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw invalid(`url host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    // Name the switch: the first receiver most people register is on localhost.
    throw invalid(
      `url host ${host} resolves to a private, loopback, link-local or reserved address; ` +
        'set ENDPOINTS_ALLOW_PRIVATE=true to allow such receivers (local development only)',
    );
  }
  return url;
}

function invalid(message: string): ImGatewayError {
  return new ImGatewayError('validation_failed', message, [{ field: 'url', message }]);
}
