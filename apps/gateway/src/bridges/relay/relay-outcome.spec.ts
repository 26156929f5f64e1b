import { describe, expect, it } from '@jest/globals';
import { ImGatewayError, VendorRequestError } from '@im-gateway/types';
import { QueryFailedError } from 'typeorm';
import { failedOutcome, isRetryable } from './relay-outcome.js';

const AT = new Date('2026-12-07T00:00:00.000Z');
const SCHEDULE = [0, 1_000, 5_000];

/** What node-postgres throws when the server does not answer within `query_timeout`. */
const readTimeout = new QueryFailedError('SELECT 1', [], new Error('Query read timeout'));
/** What PostgreSQL answers when a statement ran past `statement_timeout`: its own SQLSTATE, no gateway code. */
const canceled = new QueryFailedError(
  'UPDATE relays SET status = $1',
  [],
  Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
);

describe('relay outcomes', () => {
  it.each([
    ['a query the database did not answer in time', true, readTimeout],
    ['a statement the database canceled (57014)', true, canceled],
    ['a dropped connection', true, Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a vendor rate limit', true, new VendorRequestError('vendor_rate_limited', 'slow down')],
    ['a vendor outage, as a recipient error', true, { code: 'vendor_unavailable', message: '503' }],
    ['a vendor that refused the message', false, new VendorRequestError('vendor_rejected', 'no such user')],
    ['a request the gateway found invalid', false, new ImGatewayError('validation_failed', 'bad content')],
    ['a programming error', false, new TypeError('x is undefined')],
  ] as const)('%s: retryable %s', (_label, retryable, error) => {
    expect(isRetryable(error)).toBe(retryable);
  });

  it('schedules another attempt after a database timeout while the schedule lasts', () => {
    const outcome = failedOutcome(readTimeout, 1, SCHEDULE, AT, { conversationKind: 'direct' });
    expect(outcome.status).toBe('pending');
    expect(outcome.lastError).toMatch(/Query read timeout/);
    expect(outcome.conversationKind).toBe('direct');
    const delay = Date.parse(outcome.nextAttemptAt!) - AT.getTime();
    expect(delay).toBeGreaterThanOrEqual(800); // 1 s ± 20 % jitter
    expect(delay).toBeLessThanOrEqual(1_200);
  });

  it('fails for good on a final error, at the first attempt', () => {
    const outcome = failedOutcome(new VendorRequestError('vendor_rejected', 'no such user'), 1, SCHEDULE, AT);
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: 1 });
    expect(outcome.reason).toBe('vendor_rejected: no such user');
  });

  it('fails for good on a retryable error once the schedule is spent', () => {
    const outcome = failedOutcome(canceled, SCHEDULE.length, SCHEDULE, AT);
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: SCHEDULE.length });
    expect(outcome.lastError).toMatch(/statement timeout/);
  });
});
