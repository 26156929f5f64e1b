import { createGatewayClient, type GatewayClient, type GatewayClientOptions } from '@im-gateway/client';

/** The signed-in credential: the admin token, or an app API key (which sees only its own app). */
export interface Session {
  token: string;
  admin: boolean;
  client: GatewayClient;
  options: GatewayClientOptions;
}

const KEY = 'imgw-console-token';

/** The console is served by the gateway it manages, so the API is on the same origin. */
function optionsFor(token: string): GatewayClientOptions {
  return { baseUrl: window.location.origin, token };
}

/** Signs in by listing apps, so a wrong token is refused here rather than on the first page. */
export async function signIn(token: string): Promise<Session> {
  const options = optionsFor(token);
  const client = createGatewayClient(options);
  const { error, response } = await client.GET('/v1/apps', { params: { query: { limit: 1 } } });
  if (error) throw new Error(error.error.message);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Bridges are admin-only: whether they answer tells the two credentials apart without a special route.
  const probe = await client.GET('/v1/bridges', { params: { query: { limit: 1 } } });
  sessionStorage.setItem(KEY, token);
  return { token, admin: probe.response.ok, client, options };
}

export function savedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
