import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '@im-gateway/emulator';
import {
  messageKeysOf,
  type HistoryMessage,
  type SendableContent,
  type SendTargetType,
  type UnifiedEventDraft,
  type VendorCallContext,
} from '@im-gateway/types';
import type { EasemobConfig } from '../src/easemob.config.js';
import { EasemobProvider } from '../src/easemob.provider.js';
import { CALLBACK_ONLY_FIELDS } from '../src/reconcile/easemob-recovered.events.js';

type Body = Record<string, unknown>;
const FILES = 'https://files.example.test/chatfiles';
const HOUR = 3_600_000;

/** One message of every content Easemob sends, each to a user, a group and a chat room. */
const CONTENTS: SendableContent[] = [
  { type: 'text', text: 'hi 你好' },
  { type: 'image', url: `${FILES}/a.png`, name: 'a.png', width: 480, height: 720, size: 1234, secret: 'sa' },
  { type: 'audio', url: `${FILES}/b.amr`, name: 'b.amr', durationSec: 10, size: 6374, secret: 'sb' },
  {
    type: 'video',
    url: `${FILES}/c.mp4`,
    name: 'c.mp4',
    durationSec: 5,
    size: 58103,
    secret: 'sc',
    thumbnailUrl: `${FILES}/c.jpg`,
    thumbnailSecret: 'sct',
    width: 360,
    height: 480,
  },
  { type: 'file', url: `${FILES}/d.txt`, name: 'd.txt', size: 10, secret: 'sd' },
  { type: 'location', latitude: 39.966, longitude: 116.322, address: '中关村' },
  { type: 'command', action: 'typing' },
  { type: 'custom', event: 'gift', fields: { sku: 'rose', count: '3' } },
];
const TARGETS: [SendTargetType, string][] = [
  ['user', 'u2'],
  ['group', '1001'],
  ['chatroom', '2001'],
];

const ctx: VendorCallContext = {
  appId: 'reconcile-live',
  deadline: Number.MAX_SAFE_INTEGER,
  call: (_api, _weight, attempt) => attempt(10_000),
};

const provider = new EasemobProvider(axios.create());
const callbacks: Body[] = [];
let receiver: Server;
let emulator: EasemobEmulator;
let config: EasemobConfig;
const sent: { id: string; target: SendTargetType; content: SendableContent['type'] }[] = [];
let history: HistoryMessage[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      callbacks.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const app = {
    orgName: 'org1',
    appName: 'app1',
    clientId: 'YXA6id',
    clientSecret: 'YXA6secret',
    callbackSecret: 's',
  };
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callbacks`;
  emulator = await startEasemobEmulator({ apps: [{ ...app, callbackUrl }], rateLimits: false });
  config = { ...app, baseUrl: emulator.url } as EasemobConfig;
  const started = Date.now();
  for (const [target, id] of TARGETS)
    for (const content of CONTENTS) {
      const result = await provider.send(
        config,
        { from: 'u1', to: { type: target, ids: [id] }, content },
        ctx,
      );
      const recipient = result.recipients[0];
      if (recipient?.status !== 'sent') throw new Error(`the send failed: ${JSON.stringify(recipient)}`);
      sent.push({ id: recipient.vendorMessageId, target, content: content.type });
    }
  for (let waited = 0; waited < 5000 && callbacks.length < sent.length; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const window = { from: Math.floor(started / HOUR) * HOUR, to: Date.now() + 1 };
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page: Awaited<ReturnType<typeof provider.migration.reader.history>> =
      await provider.migration.reader.history(config, window, cursor, ctx);
    history.push(...page.items);
    cursor = page.next;
  }
  history = history.filter((m) => sent.some((s) => s.id === m.messageId));
});
afterAll(async () => {
  await emulator.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

function liveEvent(messageId: string): UnifiedEventDraft {
  const body = callbacks.find((c) => c.msg_id === messageId && c.eventType === 'chat');
  if (!body) throw new Error(`no callback for ${messageId}`);
  const request = { body, rawBody: JSON.stringify(body), query: {}, headers: {} };
  const events = provider.normalizeCallback(request, { appId: 'a', config, now: new Date() }).events;
  expect(events).toHaveLength(1);
  return events[0]!;
}

function comparable(event: UnifiedEventDraft): Body {
  const { raw: _raw, dedupeKey: _key, ...rest } = event;
  const out: Body = { ...rest, data: { ...event.data } };
  delete (out.data as Body).recovered;
  for (const path of CALLBACK_ONLY_FIELDS['message.sent']) {
    const [head, field] = path.split('.') as [string, string];
    delete (out[head] as Body | undefined)?.[field];
  }
  return out;
}

describe('Easemob: what the export holds recovers as what the callback brought (emulator)', () => {
  it('reads back every sent message from the export, and every one had its callback', () => {
    expect(sent).toHaveLength(CONTENTS.length * TARGETS.length);
    expect(history.map((m) => m.messageId).sort()).toEqual(sent.map((s) => s.id).sort());
    for (const s of sent) expect(() => liveEvent(s.id)).not.toThrow();
  });

  it.each(
    TARGETS.flatMap(([target]) => CONTENTS.map((c) => [`${c.type} to a ${target}`, target, c.type] as const)),
  )('%s', (_name, target, type) => {
    const { id } = sent.find((s) => s.target === target && s.content === type)!;
    const message = history.find((m) => m.messageId === id)!;
    const live = liveEvent(id);
    const [event] = provider.reconciliation.recoveredEvents(message, { source: 'export' });
    expect(comparable(event!)).toEqual(comparable(live));
    expect(event!.occurredAt).toBe(live.occurredAt);
    expect(messageKeysOf(event!)).toEqual(messageKeysOf(live));
    expect(event!.raw).toBe(message.raw);
  });
});
