import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app.js';
import { ErrorLine, Json, messageOf } from '../ui.js';

type Provider = { name: string; displayName: string; capabilities: Record<string, unknown> };

/** One column per vendor, one row per capability group. */
export function ProvidersPage({ session }: PageProps) {
  const [providers, setProviders] = useState<Provider[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void session.client.GET('/v1/providers').then((r) => {
      setError(messageOf(r));
      setProviders((r.data?.data ?? []) as Provider[]);
    });
  }, [session]);
  const rows = [...new Set(providers.flatMap((p) => Object.keys(p.capabilities)))];
  return (
    <section>
      <ErrorLine error={error} />
      <div class="scroll">
        <table aria-label="Capability matrix">
          <thead>
            <tr>
              <th scope="col">Capability</th>
              {providers.map((p) => (
                <th scope="col" key={p.name}>
                  {p.displayName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {providers.map((p) => (
                  <td key={p.name}>
                    <Json value={p.capabilities[row]} label={`${p.name} ${row}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
