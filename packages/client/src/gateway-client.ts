import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

export interface GatewayClientOptions {
  /** Where the gateway listens, e.g. `https://im.example.com` (no trailing `/v1`). */
  baseUrl: string;
  /** The admin token or an app API key, sent as `Authorization: Bearer …`. */
  token?: string;
  /** A fetch of your own (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

export type GatewayClient = Client<paths>;

/**
 * A typed client of the gateway API: every path, parameter, body and answer from the OpenAPI document,
 * errors typed as the one error body. `const { data, error } = await client.GET('/v1/apps/{appId}', …)`.
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token) client.use(bearer(options.token));
  return client;
}

function bearer(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}
