import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app.js';
import { ErrorLine, Field, Json, messageOf } from '../ui.js';
import { MigrationsSection } from './migrations.js';

type Bridge = { id: string; name: string; sourceAppId: string; targetAppId: string; status: string };
type Relay = {
  id: string;
  status: string;
  action: string;
  sourceMessageId: string;
  reason: string | null;
  lastError: string | null;
  attempts: number;
};
const RELAY_STATUSES = ['', 'pending', 'relaying', 'relayed', 'failed', 'unmapped', 'skipped'];
const KINDS = ['user', 'group', 'chatroom'] as const;

export function BridgesPage({ session }: PageProps) {
  const [bridges, setBridges] = useState<Bridge[]>([]);
  const [bridgeId, setBridgeId] = useState('');
  const [stats, setStats] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [relays, setRelays] = useState<Relay[]>([]);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('user');
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void session.client.GET('/v1/bridges', { params: { query: { limit: 200 } } }).then((r) => {
      setError(messageOf(r));
      const list = (r.data?.data ?? []) as Bridge[];
      setBridges(list);
      setBridgeId(list[0]?.id ?? '');
    });
  }, [session]);
  const path = { bridgeId };
  const load = async () => {
    if (!bridgeId) return;
    const [s, r] = await Promise.all([
      session.client.GET('/v1/bridges/{bridgeId}/stats', { params: { path } }),
      session.client.GET('/v1/bridges/{bridgeId}/relays', {
        params: { path, query: { limit: 200, ...(status ? { status: status as 'failed' } : {}) } },
      }),
    ]);
    setError(messageOf(s) ?? messageOf(r));
    setStats(s.data ?? null);
    setRelays((r.data?.data ?? []) as Relay[]);
  };
  useEffect(() => void load(), [bridgeId, status]);

  return (
    <>
      <form class="inline" onSubmit={(e) => (e.preventDefault(), void load())}>
        <Field label="Bridge">
          <select name="bridge" value={bridgeId} onChange={(e) => setBridgeId(e.currentTarget.value)}>
            {bridges.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.status})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Relay status">
          <select name="relay-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            {RELAY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || 'any'}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Refresh</button>
        <button
          type="button"
          onClick={async () => {
            const r = await session.client.POST('/v1/bridges/{bridgeId}/relays/retry', {
              params: { path },
              body: { statuses: ['failed', 'unmapped'] as never },
            });
            setNote(messageOf(r) ?? `Requeued ${r.data?.requeued ?? 0} relays.`);
            await load();
          }}
        >
          Retry failed and unmapped
        </button>
      </form>
      <ErrorLine error={error} />
      {note && <p role="status">{note}</p>}
      {stats ? (
        <section aria-labelledby="stats">
          <h2 id="stats">Stats</h2>
          <Json value={stats} label="Bridge stats" />
        </section>
      ) : null}
      <section aria-labelledby="relays">
        <h2 id="relays">Relays</h2>
        <div class="scroll">
          <table data-testid="relays">
            <thead>
              <tr>
                <th scope="col">Source message</th>
                <th scope="col">Action</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {relays.map((r) => (
                <tr key={r.id}>
                  <td>{r.sourceMessageId}</td>
                  <td>{r.action}</td>
                  <td data-status={r.status}>{r.status}</td>
                  <td>{r.attempts}</td>
                  <td>{r.reason ?? r.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <MigrationsSection session={session} bridgeId={bridgeId} />
      <section aria-labelledby="mappings">
        <h2 id="mappings">Upload a mapping</h2>
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await session.client.POST('/v1/bridges/{bridgeId}/mappings/{kind}', {
              params: { path: { bridgeId, kind } },
              body: csv as never,
              bodySerializer: (b: unknown) => b as string,
              headers: { 'content-type': 'text/csv' },
            });
            setNote(
              messageOf(r) ??
                `Accepted ${r.data?.accepted ?? 0}, rejected ${(r.data?.rejected ?? []).length}.`,
            );
            await load();
          }}
        >
          <Field label="Kind">
            <select
              name="kind"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
            >
              {KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </Field>
          <Field label="CSV rows (source,target)">
            <textarea name="csv" rows={5} value={csv} onInput={(e) => setCsv(e.currentTarget.value)} />
          </Field>
          <button type="submit">Upload mapping</button>
        </form>
      </section>
    </>
  );
}
