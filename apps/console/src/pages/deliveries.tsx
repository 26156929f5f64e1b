import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app.js';
import { ErrorLine, Field, messageOf } from '../ui.js';

type Attempt = {
  id: string;
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};
type Delivery = {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  attemptLog?: Attempt[];
};
const STATUSES = ['', 'pending', 'delivering', 'delivered', 'failed', 'cancelled'] as const;

function endpointFromHash(): string {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('endpoint') ?? '';
}

export function DeliveriesPage({ session, appId }: PageProps) {
  const [endpoints, setEndpoints] = useState<{ id: string; url: string }[]>([]);
  const [endpointId, setEndpointId] = useState(endpointFromHash());
  const [status, setStatus] = useState('');
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [open, setOpen] = useState<Delivery | null>(null);
  const [since, setSince] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!appId) return;
    void session.client
      .GET('/v1/apps/{appId}/endpoints', { params: { path: { appId }, query: { limit: 200 } } })
      .then((r) => {
        const list = r.data?.data ?? [];
        setEndpoints(list);
        if (!list.some((e) => e.id === endpointId)) setEndpointId(list[0]?.id ?? '');
      });
  }, [appId]);

  const path = { appId, endpointId };
  const load = async () => {
    if (!endpointId) return setDeliveries([]);
    const r = await session.client.GET('/v1/apps/{appId}/endpoints/{endpointId}/deliveries', {
      params: { path, query: { limit: 200, ...(status ? { status: status as 'failed' } : {}) } },
    });
    setError(messageOf(r));
    setDeliveries(((r.data?.data ?? []) as Delivery[]).slice().reverse());
  };
  const show = async (id: string) => {
    const r = await session.client.GET('/v1/apps/{appId}/endpoints/{endpointId}/deliveries/{deliveryId}', {
      params: { path: { ...path, deliveryId: id } },
    });
    setError(messageOf(r));
    setOpen((r.data ?? null) as Delivery | null);
  };
  useEffect(() => {
    setOpen(null);
    void load();
  }, [endpointId, status]);

  return (
    <>
      <form class="inline" onSubmit={(e) => (e.preventDefault(), void load())}>
        <Field label="Endpoint">
          <select name="endpoint" value={endpointId} onChange={(e) => setEndpointId(e.currentTarget.value)}>
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.url}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Status">
          <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || 'any'}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Refresh</button>
      </form>
      <form
        class="inline"
        aria-label="Recover"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await session.client.POST('/v1/apps/{appId}/endpoints/{endpointId}/recover', {
            params: { path },
            body: { since: new Date(since).toISOString() },
          });
          setError(messageOf(r) ?? `Requeued ${r.data?.requeued ?? 0} failed deliveries.`);
          await load();
        }}
      >
        <Field label="Recover failed deliveries since">
          <input
            name="since"
            type="datetime-local"
            required
            value={since}
            onInput={(e) => setSince(e.currentTarget.value)}
          />
        </Field>
        <button type="submit">Recover</button>
      </form>
      <ErrorLine error={error} />
      <div class="split">
        <div class="scroll">
          <table aria-label="Deliveries" data-testid="deliveries">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Next attempt</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <button type="button" class="link" onClick={() => void show(d.id)}>
                      {d.eventId}
                    </button>
                  </td>
                  <td data-status={d.status}>{d.status}</td>
                  <td>{d.attempts}</td>
                  <td>{d.nextAttemptAt ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {open && (
          <section aria-labelledby="attempts" data-testid="delivery-detail">
            <h2 id="attempts">Attempts of {open.id}</h2>
            <button
              type="button"
              onClick={async () => {
                const r = await session.client.POST(
                  '/v1/apps/{appId}/endpoints/{endpointId}/deliveries/{deliveryId}/retry',
                  {
                    params: { path: { ...path, deliveryId: open.id } },
                  },
                );
                setError(messageOf(r));
                if (r.data) setOpen(r.data as Delivery);
                await load();
              }}
            >
              Retry now
            </button>
            <ol class="list">
              {(open.attemptLog ?? []).map((a) => (
                <li key={a.id}>
                  <strong>{a.statusCode ?? 'no answer'}</strong>{' '}
                  <small>
                    {a.attemptedAt}, {a.durationMs} ms
                  </small>
                  {a.error ? <p class="error">{a.error}</p> : null}
                  {a.responseExcerpt ? <pre class="json">{a.responseExcerpt}</pre> : null}
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </>
  );
}
