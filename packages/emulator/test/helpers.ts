import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api } from 'tls-sig-api-v2/TLSSigAPIv2.js';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
}

/** A plain node:http receiver standing in for the gateway's callback endpoint. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Status answered to each request (default 200). */
  status: number;
  answer: string;
  /**
   * Answers one request instead of `status` / `answer`: what to send and after how long. `null` never
   * answers (the connection stays open until the receiver closes).
   */
  respond?: (received: Received) => { status?: number; body: string; delayMs?: number } | null;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    received: [],
    status: 200,
    answer: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = {};
      }
      const received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        json,
      };
      receiver.received.push(received);
      const custom = receiver.respond?.(received);
      if (custom === null) return;
      const status = custom?.status ?? receiver.status;
      const answer = custom?.body ?? receiver.answer;
      const send = () => {
        if (!response.destroyed)
          response.writeHead(status, { 'content-type': 'application/json' }).end(answer);
      };
      if (custom?.delayMs) setTimeout(send, custom.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  server.keepAliveTimeout = 100;
  return receiver;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (text ? JSON.parse(text) : undefined) as Record<string, any>,
  };
}

export const EASEMOB_APP = {
  orgName: 'org1',
  appName: 'app1',
  clientId: 'YXA6client',
  clientSecret: 'YXA6secret',
};

export async function easemobToken(base: string, app = EASEMOB_APP, ttl?: number | string): Promise<string> {
  const res = await post(`${base}/${app.orgName}/${app.appName}/token`, {
    grant_type: 'client_credentials',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    ...(ttl !== undefined ? { ttl } : {}),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
  return res.json['access_token'] as string;
}

export const TENCENT_APP = { sdkAppId: 1400000001, secretKey: 'tencent-test-secret-key' };

/** The REST query string, with a UserSig from the official library by default. */
export function tencentQuery(overrides: Record<string, string | undefined> = {}, app = TENCENT_APP): string {
  const params: Record<string, string | undefined> = {
    sdkappid: String(app.sdkAppId),
    identifier: 'administrator',
    usersig: new Api(app.sdkAppId, app.secretKey).genUserSig('administrator', 86400),
    random: '99999999',
    contenttype: 'json',
    ...overrides,
  };
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(defined).toString();
}

export function text(value: string) {
  return [{ MsgType: 'TIMTextElem', MsgContent: { Text: value } }];
}
