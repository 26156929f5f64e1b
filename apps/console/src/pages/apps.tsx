import { useEffect, useState } from 'preact/hooks';
import type { AppSummary, PageProps } from '../app.js';
import { Copy, ErrorLine, Field, messageOf } from '../ui.js';

type Key = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

/** Example configs per vendor: the gateway validates them with the provider's own rules on create. */
const CONFIG_EXAMPLES: Record<string, object> = {
  easemob: { orgName: '', appName: '', clientId: '', clientSecret: '', callbackSecret: '' },
  tencent: { sdkAppId: 1400000000, secretKey: '', adminIdentifier: 'administrator', callbackToken: '' },
};

export function AppsPage(props: PageProps & { onChanged: () => void; onSelect: (id: string) => void }) {
  const { session, apps, appId } = props;
  return (
    <>
      <section aria-labelledby="apps-list">
        <h2 id="apps-list">Apps</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Vendor</th>
                <th scope="col">Callback URL (set it in the vendor console)</th>
              </tr>
            </thead>
            <tbody>
              {apps.map((a) => (
                <tr key={a.id} aria-selected={a.id === appId}>
                  <td>
                    <button type="button" class="link" onClick={() => props.onSelect(a.id)}>
                      {a.name}
                    </button>
                  </td>
                  <td>{a.provider}</td>
                  <td>
                    <code data-testid="callback-url">{a.callbackUrl}</code>{' '}
                    <Copy text={a.callbackUrl} label={`Copy the callback URL of ${a.name}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {session.admin && <CreateApp {...props} />}
      {appId && <ApiKeys {...props} app={apps.find((a) => a.id === appId)} />}
    </>
  );
}

function CreateApp({
  session,
  onChanged,
  onSelect,
}: PageProps & { onChanged: () => void; onSelect: (id: string) => void }) {
  const [name, setName] = useState('');
  const [provider, setProvider] = useState('easemob');
  const [providers, setProviders] = useState<string[]>(['easemob', 'tencent']);
  const [config, setConfig] = useState(JSON.stringify(CONFIG_EXAMPLES.easemob, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void session.client.GET('/v1/providers').then((r) => {
      if (r.data) setProviders(r.data.data.map((p: { name: string }) => p.name));
    });
  }, [session]);
  const submit = async (e: Event) => {
    e.preventDefault();
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(config) as Record<string, unknown>;
    } catch {
      setError('The config is not valid JSON.');
      return;
    }
    const r = await session.client.POST('/v1/apps', {
      body: { name, provider: provider as 'easemob', config: parsed },
    });
    const problem = messageOf(r);
    const details = (r.error as { error?: { details?: { field: string; message: string }[] } } | undefined)
      ?.error?.details;
    setError(
      problem && details
        ? `${problem} (${details.map((d) => `${d.field}: ${d.message}`).join('; ')})`
        : problem,
    );
    if (r.data) {
      setName('');
      onChanged();
      onSelect(r.data.id);
    }
  };
  return (
    <section aria-labelledby="create-app">
      <h2 id="create-app">Create an app</h2>
      <form onSubmit={submit} class="form">
        <Field label="Name">
          <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label="Vendor">
          <select
            name="provider"
            value={provider}
            onChange={(e) => {
              const p = e.currentTarget.value;
              setProvider(p);
              if (CONFIG_EXAMPLES[p]) setConfig(JSON.stringify(CONFIG_EXAMPLES[p], null, 2));
            }}
          >
            {providers.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </Field>
        <Field label="Vendor config (JSON)" hint="Checked by the vendor's provider before the app is stored.">
          <textarea name="config" rows={7} value={config} onInput={(e) => setConfig(e.currentTarget.value)} />
        </Field>
        <button type="submit">Create app</button>
        <ErrorLine error={error} />
      </form>
    </section>
  );
}

function ApiKeys({ session, appId, app }: PageProps & { app: AppSummary | undefined }) {
  const [keys, setKeys] = useState<Key[]>([]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { appId };
  const load = async () => {
    const r = await session.client.GET('/v1/apps/{appId}/api-keys', { params: { path } });
    setError(messageOf(r));
    setKeys((r.data?.data ?? []) as Key[]);
  };
  useEffect(() => {
    setCreated(null);
    void load();
  }, [appId]);
  return (
    <section aria-labelledby="keys">
      <h2 id="keys">API keys of {app?.name ?? appId}</h2>
      <ErrorLine error={error} />
      <ul class="list">
        {keys.map((k) => (
          <li key={k.id}>
            <code>{k.prefix}…</code> {k.name} <small>last used {k.lastUsedAt ?? 'never'}</small>{' '}
            {session.admin && (
              <button
                type="button"
                aria-label={`Revoke key ${k.name}`}
                onClick={async () => {
                  setError(
                    messageOf(
                      await session.client.DELETE('/v1/apps/{appId}/api-keys/{keyId}', {
                        params: { path: { appId, keyId: k.id } },
                      }),
                    ),
                  );
                  await load();
                }}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      {session.admin && (
        <form
          class="inline"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await session.client.POST('/v1/apps/{appId}/api-keys', {
              params: { path },
              body: { name },
            });
            setError(messageOf(r));
            setCreated(r.data?.key ?? null);
            await load();
          }}
        >
          <Field label="Key name">
            <input name="key-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <button type="submit">Create key</button>
        </form>
      )}
      {created && (
        <p role="status">
          New key (shown once): <code data-testid="new-key">{created}</code>{' '}
          <Copy text={created} label="Copy the new key" />
        </p>
      )}
    </section>
  );
}
