import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CallbackRequest,
  SendableContentType,
  SendTargetType,
  UnifiedEventDraft,
  VendorCallContext,
} from '@im-gateway/types';
import { ConformanceError, type ConformanceCheck, type ConformanceSubject } from './conformance.types.js';
import { firstDifference } from './json-difference.js';

const WAIT_MS = 5000;

/** A loopback receiver standing in for the gateway's callback route: it keeps what the emulator posts. */
class CallbackReceiver {
  readonly requests: CallbackRequest[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void read(req).then((rawBody) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
        );
        let body: unknown;
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = rawBody;
        }
        this.requests.push({ body, rawBody, query: Object.fromEntries(url.searchParams), headers });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/callbacks`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const directContext = (deadlineMs: number): VendorCallContext => ({
  appId: 'conformance',
  deadline: Date.now() + deadlineMs,
  call: (_api, _weight, attempt) => attempt(deadlineMs),
});

/**
 * Every declared send content survives the round trip: sent through the provider to its emulator, posted
 * back as the vendor's after-send callback, verified and normalized into the same content.
 */
export function roundTripChecks<Config extends object>(
  subject: ConformanceSubject<Config>,
): ConformanceCheck[] {
  const { provider, emulator } = subject;
  if (!emulator) return [];
  const { send } = provider.capabilities;
  const text = send.contents.includes('text') ? 'text' : send.contents[0];
  // Every content to a user, then one content to each other declared target kind.
  const cases = [
    ...send.contents.map((type) => ({ type, target: 'user' as SendTargetType })),
    ...send.targets.filter((t) => t !== 'user').map((target) => ({ type: text, target })),
  ].filter((c): c is { type: SendableContentType; target: SendTargetType } => c.type !== undefined);
  return cases.map(({ type, target }) => ({
    name: `round trip: ${type} to ${target}`,
    run: async () => {
      const label = `round trip: content ${type} to ${target}`;
      const content = subject.contents?.[type];
      if (!content)
        throw new ConformanceError(`${label}: declared sendable, but the subject gives no sample`);
      const receiver = new CallbackReceiver();
      const vendor = await emulator(await receiver.start());
      try {
        const to = { type: target, ids: [`conformance-${target}`] };
        const result = await provider.send(
          vendor.config,
          { from: 'conformance-a', to, content },
          directContext(WAIT_MS),
        );
        const sent = result.recipients[0];
        if (sent?.status !== 'sent')
          throw new ConformanceError(`${label}: the emulator refused it: ${JSON.stringify(sent)}`);
        const event = await waitForMessage(subject, vendor.config, receiver, sent.vendorMessageId, label);
        const diff = firstDifference(event.message?.contents, [content]);
        if (diff) throw new ConformanceError(`${label}: message.contents${diff}`);
      } finally {
        await vendor.close();
        await receiver.close();
      }
    },
  }));
}

async function waitForMessage<Config extends object>(
  subject: ConformanceSubject<Config>,
  config: Config,
  receiver: CallbackReceiver,
  messageId: string,
  label: string,
): Promise<UnifiedEventDraft> {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    for (const request of receiver.requests) {
      const context = { appId: 'conformance', config, now: new Date() };
      subject.provider.verifyCallback(request, context);
      const found = subject.provider
        .normalizeCallback(request, context)
        .events.find((e) => e.message?.id === messageId);
      if (found) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new ConformanceError(`${label}: no callback carried message ${messageId} within ${WAIT_MS} ms`);
}
