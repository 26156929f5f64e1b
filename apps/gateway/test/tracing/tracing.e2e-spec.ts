import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
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
