import { useState } from 'preact/hooks';
import { signIn, type Session } from '../session.js';
import { ErrorLine, Field } from '../ui.js';

export function SignInPage(props: { onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <main class="page sign-in">
      <h1>Sign in to im-gateway</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          signIn(token.trim()).then(props.onSignedIn, (err: Error) => setError(err.message));
        }}
      >
        <Field label="Admin token or app API key" hint="An app key sees only its own app.">
          <input
            type="password"
            name="token"
            autoComplete="current-password"
            required
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </Field>
        <button type="submit">Sign in</button>
        <ErrorLine error={error} />
      </form>
    </main>
  );
}
