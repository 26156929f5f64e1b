import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { bridgedPair, send, type BridgedPair } from '../bridges/bridge-support.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';
import { tracingRequested } from '../../src/tracing/tracing.js';

// The SDK a deployment starts from OTEL_* (tracing.ts) is replaced by an in-memory exporter; the spans the
// gateway makes, and the traceparent it stores with each delivery, are the same.
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let gw: RunningGateway;
let receiver: WebhookReceiver;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  gw = await startGateway();
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  await receiver.stop();
  await gw.close();
  await provider.shutdown();
  trace.disable();
  context.disable();
});

const named = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name === name);

describe('tracing', () => {
  it('makes one trace of a vendor callback, its store and the webhook attempt that runs later', async () => {
    const appId = (
      await gw.call('POST', '/v1/apps', {
        body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
      })
    ).body.id as string;
    expect(
      (await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: receiver.url } })).status,
    ).toBe(201);
    exporter.reset();

    const callback = await gw.call('POST', `/callbacks/easemob/${appId}`, {
      token: null,
      body: easemobTextCallback('trace-1'),
    });
    expect(callback.status).toBe(200);
    for (let i = 0; i < 200 && named('webhook.attempt').length === 0; i++) await sleep(25);

    const [ingest] = named('callback.ingest');
    const [store] = named('callback.store');
    const [attempt] = named('webhook.attempt');
    expect(ingest).toBeDefined();
    expect(store?.spanContext().traceId).toBe(ingest!.spanContext().traceId);
    expect(store?.parentSpanContext?.spanId).toBe(ingest!.spanContext().spanId);
    // The attempt ran on the delivery queue, after the callback was answered: its parent is the stored one.
    expect(attempt?.spanContext().traceId).toBe(ingest!.spanContext().traceId);
    expect(attempt?.parentSpanContext?.spanId).toBe(store!.spanContext().spanId);
    expect(attempt?.attributes['imgw.endpoint.id']).toBeDefined();
    expect(receiver.received).toHaveLength(1);
  });
});

describe('tracing across a bridge', () => {
  let pair: BridgedPair;
  beforeAll(async () => {
    pair = await bridgedPair();
  });
  afterAll(async () => {
    await pair.close();
  });

  it('traces a send to its vendor call, and the relay it causes from the callback to the other vendor', async () => {
    exporter.reset();
    await send(pair.gw, pair.easemob.appId, {
      from: 'em_alice',
      to: { type: 'user', ids: ['em_bob'] },
      content: { type: 'text', text: 'traced' },
    });
    const sendCall = named('vendor.call').find((s) => s.attributes['imgw.provider'] === 'easemob');
    expect(sendCall?.attributes['imgw.attempt']).toBe(1);

    // The emulator calls the gateway back; the relay to Tencent runs on the relay queue.
    for (let i = 0; i < 400 && named('relay.attempt').length === 0; i++) await sleep(25);
    const [relay] = named('relay.attempt');
    const ingest = named('callback.ingest').find(
      (s) => s.spanContext().traceId === relay?.spanContext().traceId,
    );
    expect(ingest).toBeDefined();
    expect(relay?.parentSpanContext?.spanId).toBe(ingest!.spanContext().spanId);
    const relayCall = named('vendor.call').find((s) => s.attributes['imgw.provider'] === 'tencent');
    expect(relayCall?.parentSpanContext?.spanId).toBe(relay!.spanContext().spanId);
  });
});

describe('tracingRequested', () => {
  it('is off unless the standard OTEL_* variables ask for traces', () => {
    expect(tracingRequested({})).toBe(false);
    expect(
      tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }),
    ).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(
      true,
    );
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });
});
