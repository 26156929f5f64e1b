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

export function EndpointsPage({ session, appId }: PageProps) {
  const [endpoints, setEndpoints] = useState<Endpoint[]>([]);
  const [catalog, setCatalog] = useState<string[]>([]);
  const [url, setUrl] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
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
      </section>
      <section aria-labelledby="ep-create">
        <h2 id="ep-create">Add an endpoint</h2>
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await session.client.POST('/v1/apps/{appId}/endpoints', {
              params: { path: { appId } },
              body: { url, ...(picked.length ? { eventTypes: picked } : {}) },
            });
            setError(messageOf(r));
            if (r.data) {
              setSecret(r.data.secret);
              setUrl('');
              setPicked([]);
              await load();
            }
          }}
        >
          <Field label="URL">
            <input
              name="url"
              type="url"
              required
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </Field>
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
