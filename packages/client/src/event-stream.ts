import type { components } from './schema.js';
import type { GatewayClientOptions } from './gateway-client.js';

export type UnifiedEvent = components['schemas']['UnifiedEvent'];

export interface EventStreamOptions {
  /** Resume after this event id (what the last message carried). */
  lastEventId?: string;
  /** The list filters: `type`, `conversationId`, `userId`… */
  query?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * The app's new events as they are stored (`GET /v1/apps/{appId}/events/stream`). Read over fetch, not
 * EventSource, because EventSource cannot send the bearer token; the parser handles only the fields the
 * gateway writes (`id`, `event`, `data`, comments), so a general SSE library is not needed here.
 */
export async function* streamEvents(
  options: GatewayClientOptions,
  appId: string,
  stream: EventStreamOptions = {},
): AsyncGenerator<UnifiedEvent> {
  const query = new URLSearchParams(stream.query ?? {}).toString();
  const url = `${options.baseUrl.replace(/\/+$/, '')}/v1/apps/${encodeURIComponent(appId)}/events/stream${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (stream.lastEventId) headers['last-event-id'] = stream.lastEventId;
  const res = await (options.fetch ?? fetch)(url, {
    headers,
    ...(stream.signal ? { signal: stream.signal } : {}),
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let at: number;
    while ((at = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data) yield JSON.parse(data) as UnifiedEvent;
    }
  }
}
