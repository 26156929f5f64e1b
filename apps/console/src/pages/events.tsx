import { streamEvents, type UnifiedEvent } from '@im-gateway/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../app.js';
import { ErrorLine, Field, Json, messageOf } from '../ui.js';

const FILTERS = ['type', 'conversationId', 'userId', 'since', 'until'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

export function EventsPage({ session, appId }: PageProps) {
  const [filters, setFilters] = useState<Filters>({});
  const [events, setEvents] = useState<UnifiedEvent[]>([]);
  const [live, setLive] = useState(false);
  const [selected, setSelected] = useState<UnifiedEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const query = () =>
    Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const load = async () => {
    if (!appId) return;
    const r = await session.client.GET('/v1/apps/{appId}/events', {
      params: { path: { appId }, query: { ...query(), limit: 100 } },
    });
    setError(messageOf(r));
    setEvents(((r.data?.data ?? []) as UnifiedEvent[]).slice().reverse());
  };
  useEffect(() => {
    setSelected(null);
    void load();
  }, [appId]);

  // The live tail: newest first, from the stream the API serves (the same filters as the list).
  useEffect(() => {
    if (!live || !appId) return;
    const controller = new AbortController();
    abort.current = controller;
    void (async () => {
      try {
        for await (const event of streamEvents(session.options, appId, {
          query: query(),
          signal: controller.signal,
        }))
          setEvents((list) => [event, ...list]);
      } catch (err) {
        if (!controller.signal.aborted) setError((err as Error).message);
      }
    })();
    return () => controller.abort();
  }, [live, appId]);

  return (
    <>
      <form
        class="inline filters"
        aria-label="Event filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        {FILTERS.map((f) => (
          <Field key={f} label={f}>
            <input
              name={f}
              value={filters[f] ?? ''}
              placeholder={
                f === 'type' ? 'message.*' : f === 'since' || f === 'until' ? '2024-01-31T08:00:00Z' : ''
              }
              onInput={(e) => setFilters({ ...filters, [f]: e.currentTarget.value })}
            />
          </Field>
        ))}
        <button type="submit">Apply filters</button>
        <label class="toggle">
          <input
            type="checkbox"
            name="live"
            checked={live}
            onChange={(e) => setLive(e.currentTarget.checked)}
          />{' '}
          Live tail
        </label>
      </form>
      <ErrorLine error={error} />
      <div class="split">
        <ul class="list events" aria-label="Events" data-testid="events">
          {events.map((ev) => (
            <li key={ev.id}>
              <button
                type="button"
                class="link"
                aria-pressed={selected?.id === ev.id}
                onClick={() => setSelected(ev)}
              >
                <code>{ev.type}</code> {ev.actor ?? ''} <small>{ev.occurredAt}</small>
              </button>
            </li>
          ))}
        </ul>
        {selected && (
          <div class="side-by-side" data-testid="event-detail">
            <section aria-labelledby="unified">
              <h2 id="unified">Unified event</h2>
              <Json value={{ ...selected, raw: undefined }} label="Unified event" />
              <button
                type="button"
                onClick={async () => {
                  const r = await session.client.POST('/v1/apps/{appId}/events/{eventId}/redeliver', {
                    params: { path: { appId, eventId: selected.id } },
                  });
                  setError(messageOf(r) ?? `Requeued to ${r.data?.requeued ?? 0} endpoint(s).`);
                }}
              >
                Redeliver
              </button>
            </section>
            <section aria-labelledby="raw">
              <h2 id="raw">Raw vendor callback</h2>
              <Json value={selected.raw} label="Raw vendor callback" />
            </section>
          </div>
        )}
      </div>
    </>
  );
}
