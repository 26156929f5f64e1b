import { useEffect, useState } from 'preact/hooks';
import { AppsPage } from './pages/apps.js';
import { BridgesPage } from './pages/bridges.js';
import { DeliveriesPage } from './pages/deliveries.js';
import { EndpointsPage } from './pages/endpoints.js';
import { EventsPage } from './pages/events.js';
import { ProvidersPage } from './pages/providers.js';
import { SignInPage } from './pages/sign-in.js';
import { savedToken, signIn, signOut, type Session } from './session.js';

export type AppSummary = { id: string; name: string; provider: string; callbackUrl: string };

const PAGES = {
  apps: 'Apps',
  events: 'Events',
  endpoints: 'Endpoints',
  deliveries: 'Deliveries',
  bridges: 'Bridges',
  providers: 'Providers',
} as const;
type PageName = keyof typeof PAGES;

/** `#/events` → `events`: hash routing keeps the static files servable from one folder. */
function pageOf(hash: string): PageName {
  const name = hash.replace(/^#\/?/, '').split('?')[0] as PageName;
  return name in PAGES ? name : 'apps';
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(Boolean(savedToken()));
  const [page, setPage] = useState<PageName>(pageOf(window.location.hash));
  const [apps, setApps] = useState<AppSummary[]>([]);
  const [appId, setAppId] = useState<string>('');

  useEffect(() => {
    const onHash = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    const token = savedToken();
    if (token)
      signIn(token)
        .then(setSession, () => signOut())
        .finally(() => setRestoring(false));
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const reloadApps = async (s: Session | null = session) => {
    if (!s) return;
    const { data } = await s.client.GET('/v1/apps', { params: { query: { limit: 200 } } });
    const list = (data?.data ?? []) as AppSummary[];
    setApps(list);
    if (!list.some((a) => a.id === appId)) setAppId(list[0]?.id ?? '');
  };
  useEffect(() => void reloadApps(), [session]);

  if (restoring) return <p class="page">Signing in…</p>;
  if (!session) return <SignInPage onSignedIn={setSession} />;

  const visible = (Object.keys(PAGES) as PageName[]).filter((p) => session.admin || p !== 'bridges');
  const props = { session, apps, appId };
  return (
    <div class="shell">
      <header>
        <strong>im-gateway</strong>
        <nav aria-label="Pages">
          {visible.map((p) => (
            <a key={p} href={`#/${p}`} aria-current={p === page ? 'page' : undefined}>
              {PAGES[p]}
            </a>
          ))}
        </nav>
        <label class="app-picker">
          <span>App</span>
          <select value={appId} onChange={(e) => setAppId(e.currentTarget.value)} aria-label="Current app">
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.provider})
              </option>
            ))}
          </select>
        </label>
        <span class="who">{session.admin ? 'admin' : 'app key'}</span>
        <button
          type="button"
          onClick={() => {
            signOut();
            setSession(null);
          }}
        >
          Sign out
        </button>
      </header>
      <main class="page" id="main">
        <h1>{PAGES[page]}</h1>
        {page === 'apps' && <AppsPage {...props} onChanged={() => reloadApps()} onSelect={setAppId} />}
        {page === 'events' && <EventsPage {...props} />}
        {page === 'endpoints' && <EndpointsPage {...props} />}
        {page === 'deliveries' && <DeliveriesPage {...props} />}
        {page === 'bridges' && session.admin && <BridgesPage {...props} />}
        {page === 'providers' && <ProvidersPage {...props} />}
      </main>
    </div>
  );
}

export type PageProps = { session: Session; apps: AppSummary[]; appId: string };
