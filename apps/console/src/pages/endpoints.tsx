import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app.js';
import { Copy, ErrorLine, Field, messageOf } from '../ui.js';

type Endpoint = {
  id: string;
  url: string;
  eventTypes: string[];
  disabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
};

/** The event catalog: the type enum of the unified event schema the API publishes. */
async function eventTypes(session: PageProps['session']): Promise<string[]> {
  const { data } = await session.client.GET('/v1/schema/events');
  return (
    (data as { properties?: { type?: { enum?: string[] } } } | undefined)?.properties?.type?.enum ?? []
  ).slice();
}

type DestinationType = 'http' | 'rabbitmq' | 'nats' | 'redis-stream';

/** The endpoint types of the API (docs/destinations.md), with an example URL each. */
const DESTINATION_TYPES: { value: DestinationType; label: string; example: string }[] = [
  { value: 'http', label: 'HTTP webhook', example: 'https://example.com/hooks/im' },
  { value: 'rabbitmq', label: 'RabbitMQ', example: 'amqp://user:password@rabbit.internal:5672' },
  { value: 'nats', label: 'NATS JetStream', example: 'nats://nats.internal:4222' },
  { value: 'redis-stream', label: 'Redis Stream', example: 'redis://redis.internal:6379' },
];

/** The `destination` settings of each broker type; templates take {type}, {appId}, {conversationType}, {conversationId}. */
const DESTINATION_FIELDS: Partial<
  Record<DestinationType, { name: string; label: string; required?: boolean }[]>
> = {
  rabbitmq: [
    { name: 'exchange', label: 'Exchange' },
    { name: 'routingKey', label: 'Routing key template' },
  ],
  nats: [
    { name: 'subject', label: 'Subject template' },
    { name: 'stream', label: 'JetStream stream', required: true },
  ],
  'redis-stream': [
    { name: 'streamKey', label: 'Stream key', required: true },
    { name: 'maxLen', label: 'Max length (approximate)' },
  ],
};

/** The filled fields, `maxLen` as a number. */
const destinationBody = (fields: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, k === 'maxLen' ? Number(v) : v]),
  );

export function EndpointsPage({ session, appId }: PageProps) {
  const [endpoints, setEndpoints] = useState<Endpoint[]>([]);
  const [catalog, setCatalog] = useState<string[]>([]);
  const [url, setUrl] = useState('');
  const [type, setType] = useState<DestinationType>('http');
  const [destination, setDestination] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    if (!appId) return;
    const r = await session.client.GET('/v1/apps/{appId}/endpoints', {
      params: { path: { appId }, query: { limit: 200 } },
    });
    setError(messageOf(r));
    setEndpoints((r.data?.data ?? []) as Endpoint[]);
  };
  useEffect(() => {
    setSecret(null);
    void load();
  }, [appId]);
  useEffect(() => void eventTypes(session).then(setCatalog), [session]);

  const path = (endpointId: string) => ({ params: { path: { appId, endpointId } } });
  return (
    <>
      <section aria-labelledby="ep-list">
        <h2 id="ep-list">Endpoints</h2>
        <ErrorLine error={error} />
        <ul class="list" data-testid="endpoints">
          {endpoints.map((ep) => (
            <li key={ep.id}>
              <code>{ep.url}</code>{' '}
              <small>{ep.eventTypes.length ? ep.eventTypes.join(', ') : 'all events'}</small>{' '}
              <strong>
                {ep.disabled ? `disabled${ep.disabledReason ? ` (${ep.disabledReason})` : ''}` : 'enabled'}
              </strong>
              {ep.failingSince ? <small> failing since {ep.failingSince}</small> : null}
              <span class="actions">
                <button
                  type="button"
                  aria-label={`${ep.disabled ? 'Enable' : 'Disable'} ${ep.url}`}
                  onClick={async () => {
                    setError(
                      messageOf(
                        await session.client.PATCH('/v1/apps/{appId}/endpoints/{endpointId}', {
                          ...path(ep.id),
                          body: { disabled: !ep.disabled },
                        }),
                      ),
                    );
                    await load();
                  }}
                >
                  {ep.disabled ? 'Enable' : 'Disable'}
                </button>
                <button
                  type="button"
                  aria-label={`Rotate the secret of ${ep.url}`}
                  onClick={async () => {
                    const r = await session.client.POST(
                      '/v1/apps/{appId}/endpoints/{endpointId}/secret/rotate',
                      path(ep.id),
                    );
                    setError(messageOf(r));
                    setSecret(r.data?.secret ?? null);
                  }}
                >
                  Rotate secret
                </button>
                <button
                  type="button"
                  aria-label={`Send a test event to ${ep.url}`}
                  onClick={async () => {
                    const r = await session.client.POST(
                      '/v1/apps/{appId}/endpoints/{endpointId}/test',
                      path(ep.id),
                    );
                    setError(messageOf(r));
                    setNote(r.data ? `Test event sent: delivery ${r.data.deliveryId}.` : null);
                  }}
                >
                  Send test event
                </button>
                <a href={`#/deliveries?endpoint=${ep.id}`} aria-label={`Deliveries of ${ep.url}`}>
                  Deliveries
                </a>
              </span>
            </li>
          ))}
        </ul>
        {secret && (
          <p role="status">
            Signing secret: <code>{secret}</code> <Copy text={secret} label="Copy the signing secret" />
          </p>
        )}
        {note && <p role="status">{note}</p>}
      </section>
      <section aria-labelledby="ep-create">
        <h2 id="ep-create">Add an endpoint</h2>
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await session.client.POST('/v1/apps/{appId}/endpoints', {
              params: { path: { appId } },
              body: {
                url,
                ...(type === 'http' ? {} : { type, destination: destinationBody(destination) }),
                ...(picked.length ? { eventTypes: picked } : {}),
              } as never,
            });
            setError(messageOf(r));
            if (r.data) {
              setSecret(r.data.secret);
              setUrl('');
              setDestination({});
              setPicked([]);
              await load();
            }
          }}
        >
          <Field label="Destination type">
            <select
              name="type"
              value={type}
              onChange={(e) => setType(e.currentTarget.value as DestinationType)}
            >
              {DESTINATION_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={type === 'http' ? 'URL' : 'Broker URL'}>
            <input
              name="url"
              type={type === 'http' ? 'url' : 'text'}
              required
              placeholder={DESTINATION_TYPES.find((t) => t.value === type)?.example}
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </Field>
          {(DESTINATION_FIELDS[type] ?? []).map((f) => (
            <Field key={f.name} label={f.label}>
              <input
                name={f.name}
                type={f.name === 'maxLen' ? 'number' : 'text'}
                required={f.required === true}
                value={destination[f.name] ?? ''}
                onInput={(e) => setDestination({ ...destination, [f.name]: e.currentTarget.value })}
              />
            </Field>
          ))}
          <fieldset class="picker">
            <legend>Event types (none picked: all)</legend>
            {catalog.map((t) => (
              <label key={t}>
                <input
                  type="checkbox"
                  value={t}
                  checked={picked.includes(t)}
                  onChange={(e) =>
                    setPicked(e.currentTarget.checked ? [...picked, t] : picked.filter((p) => p !== t))
                  }
                />{' '}
                {t}
              </label>
            ))}
          </fieldset>
          <button type="submit">Add endpoint</button>
        </form>
      </section>
    </>
  );
}
