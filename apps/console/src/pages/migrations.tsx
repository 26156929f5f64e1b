import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../session.js';
import { ErrorLine, Field, messageOf } from '../ui.js';

type KindProgress = { phase: string; total: number; done: number; skipped: number; failed: number };
type Job = {
  id: string;
  status: string;
  dryRun: boolean;
  direction: string;
  scope: string[];
  progress: Record<string, KindProgress>;
  createdAt: string;
};
type Action = 'pause' | 'resume' | 'cancel' | 'retry';

const DIRECTORY_SCOPE = 'accounts,profiles,groups,members,mutes,chatrooms,contacts,blocklists';

/** `kind done+skipped+failed/total` for each kind of a job's scope. */
const summary = (job: Job) =>
  job.scope
    .map((kind) => {
      const p = job.progress[kind];
      return p
        ? `${kind} ${p.done + p.skipped + p.failed}/${p.total}${p.failed ? ` (${p.failed} failed)` : ''}`
        : kind;
    })
    .join(', ');

/** A bridge's migration jobs (docs/migration.md, "Moving existing data"): start or plan one, follow, control. */
export function MigrationsSection({ session, bridgeId }: { session: Session; bridgeId: string }) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [scope, setScope] = useState(DIRECTORY_SCOPE);
  const [historyFrom, setHistoryFrom] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const path = { bridgeId };

  const load = async () => {
    if (!bridgeId) return;
    const r = await session.client.GET('/v1/bridges/{bridgeId}/migrations', {
      params: { path, query: { limit: 50 } },
    });
    setError(messageOf(r));
    setJobs(((r.data?.data ?? []) as Job[]).slice().reverse());
  };
  useEffect(() => {
    void load();
    // Progress moves on its own: poll while the page is open.
    const timer = setInterval(() => void load(), 2_000);
    return () => clearInterval(timer);
  }, [bridgeId]);

  const act = async (jobId: string, action: Action) => {
    const params = { path: { bridgeId, jobId } };
    const r =
      action === 'pause'
        ? await session.client.POST('/v1/bridges/{bridgeId}/migrations/{jobId}/pause', { params })
        : action === 'resume'
          ? await session.client.POST('/v1/bridges/{bridgeId}/migrations/{jobId}/resume', { params })
          : action === 'cancel'
            ? await session.client.POST('/v1/bridges/{bridgeId}/migrations/{jobId}/cancel', { params })
            : await session.client.POST('/v1/bridges/{bridgeId}/migrations/{jobId}/retry', {
                params,
                body: {},
              });
    setError(messageOf(r));
    await load();
  };

  return (
    <section aria-labelledby="migrations">
      <h2 id="migrations">Migrations</h2>
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          const kinds = scope
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          const r = await session.client.POST('/v1/bridges/{bridgeId}/migrations', {
            params: { path },
            body: {
              scope: kinds,
              dryRun,
              ...(historyFrom ? { history: { from: historyFrom } } : {}),
            } as never,
          });
          setError(messageOf(r));
          await load();
        }}
      >
        <Field label="What to move (comma-separated)">
          <input name="scope" value={scope} onInput={(e) => setScope(e.currentTarget.value)} />
        </Field>
        <Field label="History from (ISO-8601, with history in the scope)">
          <input
            name="history-from"
            value={historyFrom}
            onInput={(e) => setHistoryFrom(e.currentTarget.value)}
          />
        </Field>
        <label>
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} /> Dry
          run (plan only, nothing written)
        </label>
        <button type="submit">Start migration</button>
      </form>
      <ErrorLine error={error} />
      <div class="scroll">
        <table data-testid="migrations">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">Progress per kind</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{job.createdAt}</td>
                <td data-status={job.status}>
                  {job.status}
                  {job.dryRun ? ' (dry run)' : ''}
                </td>
                <td>{summary(job)}</td>
                <td>
                  {(['pause', 'resume', 'cancel', 'retry'] as const).map((action) => (
                    <button key={action} type="button" onClick={() => void act(job.id, action)}>
                      {action}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
