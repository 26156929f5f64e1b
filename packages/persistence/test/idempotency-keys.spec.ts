import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  IdempotencyKeyRepository,
  isUniqueViolation,
  MessageEntity,
  MessageRepository,
  newId,
  nowIso,
  Transactor,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let keys: IdempotencyKeyRepository;
let messages: MessageRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  const transactor = new Transactor(ds);
  keys = new IdempotencyKeyRepository(transactor);
  messages = new MessageRepository(transactor);
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const row = (appId: string, key: string, requestHash: string, expiresInMs = 60_000) => ({
  id: newId(),
  appId,
  key,
  requestHash,
  createdAt: nowIso(),
  expiresAt: at(expiresInMs),
});

const message = (appId: string, status: string, results: unknown[] = []) =>
  Object.assign(new MessageEntity(), {
    id: newId(),
    appId,
    provider: 'tencent',
    status,
    request: { from: 'a', to: { type: 'user', ids: ['b', 'c'] }, content: { type: 'text', text: 'x' } },
    results,
    createdAt: nowIso(),
    recalledAt: null,
  });

describe('IdempotencyKeyRepository.claim', () => {
  it('claims a new key once: a second claim of it gets nothing while it lives, in any app but its own', async () => {
    const first = row(newId(), 'k1', 'h1');
    expect(await keys.claim(first, nowIso())).toBe(first.id);
    expect(await keys.claim(row(first.appId, 'k1', 'h2'), nowIso())).toBeNull();
    // The first claim's row is untouched by the refused one.
    expect(await keys.find(first.appId, 'k1')).toMatchObject({ id: first.id, requestHash: 'h1' });
    const elsewhere = row(newId(), 'k1', 'h1');
    expect(await keys.claim(elsewhere, nowIso())).toBe(elsewhere.id);
  });

  it('takes over an expired key: its old answer is cleared and the new request hash kept', async () => {
    const appId = newId();
    const old = row(appId, 'k2', 'old', -1_000);
    expect(await keys.claim(old, at(-2_000))).toBe(old.id);
    const sent = message(appId, 'sent');
    await messages.insertAnswering(sent, { id: old.id, status: 201, body: { id: sent.id } });
    expect(await keys.find(appId, 'k2')).toMatchObject({
      responseStatus: 201,
      responseBody: { id: sent.id },
    });

    const again = row(appId, 'k2', 'new');
    const claimed = await keys.claim(again, nowIso());
    expect(claimed).not.toBeNull();
    expect(await keys.find(appId, 'k2')).toMatchObject({
      id: claimed,
      requestHash: 'new',
      responseStatus: null,
      responseBody: null,
      expiresAt: again.expiresAt,
    });
  });
});

describe('MessageRepository.insertAnswering', () => {
  it('stores the message and its key answer together', async () => {
    const appId = newId();
    const key = row(appId, 'k3', 'h');
    await keys.claim(key, nowIso());
    const sent = message(appId, 'partial', [{ recipient: 'b', status: 'sent', vendorMessageId: 'v1' }]);
    await messages.insertAnswering(sent, {
      id: key.id,
      status: 207,
      body: { id: sent.id, status: 'partial' },
    });
    expect(await messages.find(appId, sent.id)).toMatchObject({
      status: 'partial',
      results: sent.results,
    });
    expect(await keys.find(appId, 'k3')).toMatchObject({
      responseStatus: 207,
      responseBody: { id: sent.id, status: 'partial' },
    });
  });

  it('writes neither when the message cannot be stored', async () => {
    const appId = newId();
    const key = row(appId, 'k4', 'h');
    await keys.claim(key, nowIso());
    const sent = message(appId, 'sent');
    await messages.insert(sent);
    // The same message id again: the insert fails, and the key's answer stays unwritten with it. (The error is
    // checked by its code: better-sqlite3's errors can come from another test file's realm in a jest worker.)
    const failure = await messages.insertAnswering(sent, { id: key.id, status: 201, body: {} }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await keys.find(appId, 'k4')).toMatchObject({ responseStatus: null });
  });
});
