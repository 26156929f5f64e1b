import { createHash } from 'node:crypto';
import { providerFixtures } from './provider-fixtures.js';

export const FIXTURE_SECRET = 'fixture-secret';

/**
 * Environment for a gateway that accepts Easemob callbacks stamped with the dates the vendor docs print
 * (2020–2024): the default window is ten minutes around the gateway clock.
 */
export const DOC_DATES_ENV = { EASEMOB_CALLBACK_SKEW_SECONDS: String(20 * 365 * 86_400) };

/** A signed Easemob text message callback of the given conversation, in the vendor's shape (seed 000). */
export function easemobTextCallback(
  callId: string,
  opts: { from?: string; to?: string; group?: string; timestamp?: number; text?: string } = {},
) {
  const timestamp = opts.timestamp ?? Date.now();
  const body = {
    callId,
    eventType: 'chat',
    timestamp,
    chat_type: opts.group ? 'groupchat' : 'chat',
    ...(opts.group ? { group_id: opts.group } : {}),
    from: opts.from ?? 'u1',
    to: opts.group ?? opts.to ?? 'u2',
    msg_id: `${timestamp}${callId.length}`,
    payload: { bodies: [{ type: 'txt', msg: opts.text ?? 'hi' }], ext: {} },
    appkey: 'org#app',
  };
  return {
    ...body,
    security: createHash('md5').update(`${callId}${FIXTURE_SECRET}${timestamp}`).digest('hex'),
  };
}

/**
 * Every Easemob vendor-doc fixture, under the App Key `org#app`, with a unique callId (several examples
 * print the same placeholder one), a timestamp when it prints none (a signed callback always has one), and
 * signed with FIXTURE_SECRET.
 */
export function signedEasemobFixtures(): { name: string; body: Record<string, unknown> }[] {
  return providerFixtures('@im-gateway/provider-easemob').map((f, i) => {
    const body: Record<string, unknown> = {
      ...(f.body as Record<string, unknown>),
      appkey: 'org#app',
      callId: `seed-${i}-${f.name}`,
    };
    body.timestamp ??= Date.now();
    const security = createHash('md5')
      .update(`${String(body.callId)}${FIXTURE_SECRET}${String(body.timestamp ?? '')}`)
      .digest('hex');
    return { name: f.name, body: { ...body, security } };
  });
}
