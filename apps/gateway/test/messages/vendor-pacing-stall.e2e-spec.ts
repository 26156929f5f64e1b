import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator } from '@im-gateway/emulator';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { GatewayProcess } from '../support/gateway-process.js';
import { easemobApp, sleep } from './send-support.js';

/**
 * A gateway process frozen while paced calls wait their turn wakes every overdue call at once. Released
 * together, they would reach the vendor closer than their bookings and earn 429s; each books again instead.
 * The vendor (the emulator, in this process) keeps running meanwhile, as a real one does.
 */

let db: TestDatabase;
let gateway: GatewayProcess;
let easemob: EasemobEmulator;
let appId: string;
const statuses: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  gateway = await new GatewayProcess({
    DATA_DIR: db.settings.dataDir,
    ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
    SEND_DEADLINE_MS: '10000',
  }).start();
  ({ emulator: easemob, appId } = await easemobApp(gateway, { log: (line) => statuses.push(line) }));
}, 60_000);
afterAll(async () => {
  await gateway?.stop('SIGKILL');
  await easemob?.close();
  await db?.drop();
});

describe('vendor limits: a frozen gateway keeps the pace', () => {
  it('sends 25 concurrent chat-room messages without a vendor 429 though frozen while they wait', async () => {
    const body = {
      from: 'a',
      to: { type: 'chatroom', ids: ['185145305923585'] },
      content: { type: 'text', text: 'x' },
    };
    const sends = Promise.all(
      Array.from({ length: 25 }, () => gateway.call('POST', `/v1/apps/${appId}/messages`, { body })),
    );
    // Easemob takes 20 chat-room calls a second: the gateway spaces them 55 ms apart (its first guard is 100 ms), so the first few are
    // out and the rest booked when it freezes.
    await sleep(150);
    await gateway.freeze(500);
    const results = await sends;
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    expect(easemob.messages()).toHaveLength(25);
    expect(statuses.filter((l) => /messages\/chatrooms → 429/.test(l))).toEqual([]);
  });
});
