import { describe, expect, it } from '@jest/globals';
import { EASEMOB_PRESEND_REPLY, easemobCallbackReply } from './easemob-callback.reply.js';

const normalized = { dedupeKey: 'k', vendorKind: 'chat:txt', events: [] };

describe('easemobCallbackReply', () => {
  it('acks an accepted callback with 200 and a short body', () => {
    const reply = easemobCallbackReply({ kind: 'accepted', normalized });
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body).length).toBeLessThanOrEqual(1000);
  });

  it('acks a duplicate callback with 200 so the vendor stops retrying', () => {
    expect(easemobCallbackReply({ kind: 'duplicate', normalized })).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
  });

  it('allows a retried pre-send callback again instead of only acknowledging it', () => {
    const reply = easemobCallbackReply({
      kind: 'duplicate',
      normalized: { ...normalized, reply: EASEMOB_PRESEND_REPLY },
    });
    expect(reply).toEqual({ status: 200, body: { valid: true } });
  });

  it('answers a pre-send callback with the allow reply', () => {
    const reply = easemobCallbackReply({
      kind: 'accepted',
      normalized: { ...normalized, reply: EASEMOB_PRESEND_REPLY },
    });
    expect(reply).toEqual({ status: 200, body: { valid: true } });
  });

  it('passes a rejection through as { error: { code, message } } within 1,000 characters', () => {
    const reply = easemobCallbackReply({
      kind: 'rejected',
      status: 401,
      code: 'callback_signature_invalid',
      message: 'x'.repeat(5000),
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: 'callback_signature_invalid' } });
    expect(JSON.stringify(reply.body).length).toBeLessThanOrEqual(1000);
  });

  it('answers 503 when a dependency is down, so the vendor retry can succeed', () => {
    expect(easemobCallbackReply({ kind: 'unavailable', message: 'db down' })).toEqual({
      status: 503,
      body: { error: { code: 'dependency_unavailable', message: 'db down' } },
    });
  });
});
