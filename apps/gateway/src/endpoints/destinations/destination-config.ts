import { isIP } from 'node:net';
import { ImGatewayError } from '@im-gateway/types';
import { isPublicAddress, systemResolver, type Resolver } from '../endpoint-url.policy.js';
import type { DestinationType, NatsSettings, RabbitmqSettings, RedisStreamSettings } from './destination.js';
import {
  assertNatsSubjectTemplate,
  assertRoutingKeyTemplate,
  invalidDestination,
} from './routing-template.js';

/** The URL schemes each broker type accepts (`tls:` is NATS's scheme for a TLS connection). */
const SCHEMES: Record<Exclude<DestinationType, 'http'>, string[]> = {
  rabbitmq: ['amqp:', 'amqps:'],
  nats: ['nats:', 'tls:'],
  'redis-stream': ['redis:', 'rediss:'],
};

/** A broker destination as checked at creation: its URL, the URL as shown, and its settings. */
export interface BrokerDestination {
  type: Exclude<DestinationType, 'http'>;
  url: URL;
  /** The URL with its password replaced by `[redacted]`: what is stored in clear and returned. */
  shownUrl: string;
  hasCredentials: boolean;
  settings: RabbitmqSettings | NatsSettings | RedisStreamSettings;
}

/**
 * Checks a broker destination's URL and settings (pure: no connection, no lookup). Throws
 * `invalid_destination` naming the field.
 */
export function parseBrokerDestination(
  type: Exclude<DestinationType, 'http'>,
  rawUrl: string,
  raw: Record<string, unknown> | undefined,
): BrokerDestination {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw invalidDestination('url', `url must be an absolute URL (${SCHEMES[type].join(' or ')})`);
  }
  if (!SCHEMES[type].includes(url.protocol))
    throw invalidDestination(
      'url',
      `a ${type} destination's url must use ${SCHEMES[type].map((s) => `${s}//`).join(' or ')}, not ${url.protocol}//`,
    );
  if (!url.hostname) throw invalidDestination('url', 'url must name a host');
  const settings = raw ?? {};
  return {
    type,
    url,
    shownUrl: shownUrl(url),
    hasCredentials: !!(url.username || url.password),
    settings: parseSettings(type, settings),
  };
}

function parseSettings(
  type: Exclude<DestinationType, 'http'>,
  s: Record<string, unknown>,
): RabbitmqSettings | NatsSettings | RedisStreamSettings {
  switch (type) {
    case 'rabbitmq': {
      const exchange = optionalString(s, 'exchange', '');
      if (exchange.length > 255)
        throw invalidDestination('destination.exchange', 'exchange is at most 255 characters');
      const routingKey = optionalString(s, 'routingKey', '{type}');
      assertRoutingKeyTemplate(routingKey, 'destination.routingKey');
      return { exchange, routingKey };
    }
    case 'nats': {
      const subject = optionalString(s, 'subject', 'imgw.{appId}.{type}');
      assertNatsSubjectTemplate(subject, 'destination.subject');
      const stream = requiredString(s, 'stream');
      // JetStream stream names: no whitespace, `.`, `*`, `>`, path separators (nats-server's rule).
      if (!/^[^\s.*>/\\]{1,255}$/.test(stream))
        throw invalidDestination(
          'destination.stream',
          'stream must be a JetStream stream name (no whitespace, ., *, >, / or \\)',
        );
      return { subject, stream };
    }
    case 'redis-stream': {
      const streamKey = requiredString(s, 'streamKey');
      const maxLen = s.maxLen ?? null;
      if (maxLen !== null && (!Number.isInteger(maxLen) || (maxLen as number) < 1))
        throw invalidDestination(
          'destination.maxLen',
          'maxLen must be a positive integer (or absent for no cap)',
        );
      return { streamKey, maxLen: maxLen as number | null };
    }
  }
}

function optionalString(s: Record<string, unknown>, key: string, fallback: string): string {
  const value = s[key] ?? fallback;
  if (typeof value !== 'string') throw invalidDestination(`destination.${key}`, `${key} must be a string`);
  return value;
}

function requiredString(s: Record<string, unknown>, key: string): string {
  const value = s[key];
  if (typeof value !== 'string' || value === '' || value.length > 1000)
    throw invalidDestination(
      `destination.${key}`,
      `${key} is required: a non-empty string of at most 1,000 characters`,
    );
  return value;
}

/** The URL with any password replaced, so it can be stored in clear, logged and returned. */
export function shownUrl(url: URL): string {
  if (!url.password) return url.toString();
  const copy = new URL(url.toString());
  copy.password = '[redacted]';
  return copy.toString().replace('%5Bredacted%5D', '[redacted]');
}

/**
 * The private-address rule of HTTP endpoints, for a broker's host: it must resolve, and unless private
 * addresses are allowed every address must be public. Throws `invalid_destination` or `private_address`.
 * Runs at creation and before each connection is opened; the broker clients then resolve the host again
 * (none of the three takes a lookup function for all its transports), so unlike the HTTP sender's check it
 * does not pin the address connected to.
 */
export async function assertBrokerHost(
  url: URL,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw invalidDestination('url', `url host ${host} does not resolve`);
    }
  }
  if (allowPrivate) return;
  if (addresses.length === 0 || !addresses.every(isPublicAddress))
    throw new ImGatewayError(
      'private_address',
      `url host ${host} resolves to a private, loopback, link-local or reserved address; ` +
        'set ENDPOINTS_ALLOW_PRIVATE=true to allow such destinations (local development only)',
      [{ field: 'url', message: 'private address' }],
    );
}

type SettingsRow = Record<string, string | number | null> | null;

/** The stored settings of a `rabbitmq` endpoint (checked when written), with the defaults filled in. */
export const rabbitmqSettings = (row: SettingsRow): RabbitmqSettings => ({
  exchange: String(row?.exchange ?? ''),
  routingKey: String(row?.routingKey ?? '{type}'),
});

export const natsSettings = (row: SettingsRow): NatsSettings => ({
  subject: String(row?.subject ?? 'imgw.{appId}.{type}'),
  stream: String(row?.stream ?? ''),
});

export const redisStreamSettings = (row: SettingsRow): RedisStreamSettings => ({
  streamKey: String(row?.streamKey ?? ''),
  maxLen: typeof row?.maxLen === 'number' ? row.maxLen : null,
});
