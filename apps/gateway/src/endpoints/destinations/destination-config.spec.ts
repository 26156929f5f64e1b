import { describe, expect, it } from '@jest/globals';
import { ImGatewayError } from '@im-gateway/types';
import { assertBrokerHost, parseBrokerDestination } from './destination-config.js';
import { cleanAmqpWord, cleanNatsToken, renderTemplate } from './routing-template.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ImGatewayError ? `${error.code}: ${error.message}` : String(error);
  }
  return undefined;
};

describe('parseBrokerDestination', () => {
  it.each([
    ['rabbitmq', 'amqp://h/vhost', { exchange: 'x' }],
    ['rabbitmq', 'amqps://u:p@h:5671', { exchange: '', routingKey: '{appId}.{type}' }],
    ['nats', 'nats://h:4222', { stream: 'IM', subject: 'im.{appId}.{conversationId}' }],
    ['nats', 'tls://h', { stream: 'IM' }],
    ['redis-stream', 'redis://h:6379/2', { streamKey: 'im:events', maxLen: 1000 }],
    ['redis-stream', 'rediss://:p@h', { streamKey: 'k' }],
  ] as const)('accepts %s %s', (type, url, settings) => {
    expect(parseBrokerDestination(type, url, { ...settings }).url.toString()).toBe(new URL(url).toString());
  });

  it.each([
    ['rabbitmq', 'http://h', { exchange: 'x' }, /must use amqp:\/\/ or amqps:\/\//],
    ['nats', 'amqp://h', { stream: 'S' }, /must use nats:\/\/ or tls:\/\//],
    ['redis-stream', 'nats://h', { streamKey: 'k' }, /must use redis:\/\/ or rediss:\/\//],
    ['nats', 'not a url', { stream: 'S' }, /absolute URL/],
    ['rabbitmq', 'amqp://h', { routingKey: '{tenant}.{type}' }, /unknown placeholder \{tenant\}/],
    ['rabbitmq', 'amqp://h', { routingKey: 'a.*' }, /without whitespace, \* or #/],
    [
      'nats',
      'nats://h',
      { stream: 'S', subject: 'im.{conversation}' },
      /unknown placeholder \{conversation\}/,
    ],
    ['nats', 'nats://h', { stream: 'S', subject: 'im..{type}' }, /empty tokens/],
    ['nats', 'nats://h', { stream: 'S', subject: 'im.>' }, /\* or >/],
    ['nats', 'nats://h', {}, /stream is required/],
    ['nats', 'nats://h', { stream: 'a.b' }, /stream name/],
    ['redis-stream', 'redis://h', {}, /streamKey is required/],
    ['redis-stream', 'redis://h', { streamKey: 'k', maxLen: 0 }, /maxLen must be a positive integer/],
  ] as const)('refuses %s %s %j with invalid_destination', (type, url, settings, message) => {
    const got = codeOf(() => parseBrokerDestination(type, url, { ...settings }));
    expect(got).toMatch(/^invalid_destination: /);
    expect(got).toMatch(message);
  });

  it('shows a URL with its password redacted and says it carries credentials', () => {
    const d = parseBrokerDestination('rabbitmq', 'amqp://guest:s3cr%40t@rabbit:5672/v', { exchange: 'x' });
    expect(d.shownUrl).toBe('amqp://guest:[redacted]@rabbit:5672/v');
    expect(d.hasCredentials).toBe(true);
    expect(parseBrokerDestination('nats', 'nats://h:4222', { stream: 'S' }).hasCredentials).toBe(false);
  });
});

describe('assertBrokerHost', () => {
  const resolveTo = (addresses: string[]) => async () => addresses;

  it.each([['127.0.0.1'], ['10.1.2.3'], ['169.254.169.254'], ['::1']])(
    'refuses a host resolving to %s with private_address unless allowed',
    async (address) => {
      const url = new URL('nats://broker.example');
      await expect(assertBrokerHost(url, false, resolveTo([address]))).rejects.toMatchObject({
        code: 'private_address',
      });
      await expect(assertBrokerHost(url, true, resolveTo([address]))).resolves.toBeUndefined();
    },
  );

  it('accepts a public address and refuses a host that does not resolve', async () => {
    await expect(
      assertBrokerHost(new URL('amqp://b'), false, resolveTo(['93.184.216.34'])),
    ).resolves.toBeUndefined();
    await expect(
      assertBrokerHost(new URL('amqp://b'), true, async () => {
        throw new Error('ENOTFOUND');
      }),
    ).rejects.toMatchObject({ code: 'invalid_destination' });
  });
});

describe('templates', () => {
  const values = {
    type: 'message.created',
    appId: 'app1',
    conversationType: 'group',
    conversationId: 'a.b*c>d e',
  };

  it('keeps the template’s separators and cleans the filled-in ids per protocol', () => {
    expect(renderTemplate('im.{appId}.{conversationId}.{type}', values, cleanNatsToken)).toBe(
      'im.app1.a_b_c_d_e.message.created',
    );
    expect(renderTemplate('{conversationType}/{conversationId}', values, cleanAmqpWord)).toBe(
      'group/a_b_c>d_e',
    );
  });
});
