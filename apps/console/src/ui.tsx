import type { ComponentChildren } from 'preact';

/** A labelled form control: the label wraps the control, so a click or a screen reader finds it. */
export function Field(props: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.children}
      {props.hint ? <small>{props.hint}</small> : null}
    </label>
  );
}

export function ErrorLine(props: { error: string | null }) {
  return props.error ? (
    <p class="error" role="alert">
      {props.error}
    </p>
  ) : null;
}

export function Json(props: { value: unknown; label: string }) {
  return (
    <pre class="json" aria-label={props.label} tabIndex={0}>
      {JSON.stringify(props.value, null, 2)}
    </pre>
  );
}

/** The error body's message, or the HTTP status when there is none. */
export function messageOf(result: { error?: unknown; response: Response }): string | null {
  if (result.response.ok) return null;
  const body = result.error as { error?: { code?: string; message?: string } } | undefined;
  return body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${result.response.status}`;
}

export function Copy(props: { text: string; label: string }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      onClick={() => void navigator.clipboard?.writeText(props.text)}
    >
      Copy
    </button>
  );
}
