import { startEasemobEmulator, type EasemobEmulator, type EasemobEmulatorOptions } from '../src/index.js';
import { EASEMOB_APP, easemobToken } from './helpers.js';

export const NOW = Date.UTC(2026, 11, 6, 0, 0, 0);
export const HOUR = 3_600_000;

export interface Answer {
  status: number;
  json: Record<string, any>;
  text: string;
}

/** An Easemob emulator with one app, a token, a fixed clock, and a caller for any method. */
export async function easemobApp(options: Partial<EasemobEmulatorOptions> = {}) {
  const clock = { now: NOW };
  const emu: EasemobEmulator = await startEasemobEmulator({
    apps: [EASEMOB_APP],
    ids: 'registered',
    rateLimits: false,
    now: () => clock.now,
    ...options,
  });
  const token = await easemobToken(emu.url);
  const call = async (
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const response = await fetch(`${emu.url}/org1/app1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: Record<string, any> = {};
    try {
      json = JSON.parse(text) as Record<string, any>;
    } catch {
      // Not JSON: `text` tells.
    }
    return { status: response.status, json, text };
  };
  const users = async (...names: string[]) => {
    const res = await call(
      'POST',
      '/users',
      names.map((username) => ({ username, password: 'pw' })),
    );
    if (res.status !== 200) throw new Error(res.text);
  };
  return { emu, clock, call, users, token };
}

/** `[status, error, error_description]` of an answer. */
export const refusal = (a: Answer) => [a.status, a.json['error'], a.json['error_description']];
