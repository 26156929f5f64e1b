import type { CallbackAttempt } from '../common/callback-sender.js';
import { createEmulatorServer, handle, type EmulatorHandle } from '../common/emulator-server.js';
import { isObject, listen, parseJson } from '../common/http-helpers.js';
import { registerEasemobChatroomRoutes } from './easemob-directory-chatrooms.routes.js';
import { registerEasemobContactRoutes } from './easemob-directory-contacts.routes.js';
import { registerEasemobGroupRoutes } from './easemob-directory-groups.routes.js';
import { registerEasemobUserRoutes } from './easemob-directory-users.routes.js';
import { registerEasemobHistoryExportRoutes } from './easemob-history-export.routes.js';
import { registerEasemobHistoryImportRoutes } from './easemob-history-import.routes.js';
import {
  applyEasemobSeed,
  snapshotEasemobApp,
  type EasemobAppSnapshot,
  type EasemobSeed,
} from './easemob-seed.js';
import { signEasemobCallback } from './easemob-callback.builder.js';
import {
  ClientMessageError,
  sendAsEasemobClient,
  type EasemobClientMessage,
  type EasemobClientSendResult,
} from './easemob-client-send.js';
import { easemobError, reachLimit } from './easemob-errors.js';
import { registerEasemobRecallRoutes } from './easemob-recall.routes.js';
import { registerEasemobSendRoutes } from './easemob-send.routes.js';
import { registerEasemobTokenRoutes } from './easemob-token.routes.js';
import { EasemobContext } from './easemob.context.js';
import type { EasemobEmulatorOptions } from './easemob.types.js';

export interface EasemobFireOptions {
  /** `org#app` of the app whose secret signs the body (default: the first app). */
  appKey?: string;
  /** Target URL (default: the app's `callbackUrl`). */
  url?: string;
  /** Retry once on a non-200 answer, as the vendor does (default true). */
  retry?: boolean;
}

export interface EasemobEmulator extends EmulatorHandle {
  /** Makes every issued token expired: the next call with it gets the vendor's 401. */
  expireTokens(): void;
  /**
   * Posts `body` as an Easemob callback: `callId`/`timestamp` are added when missing and
   * `security` = MD5(callId + secret + timestamp) is always computed. Resolves with the attempts.
   */
  fireCallback(body: Record<string, unknown>, options?: EasemobFireOptions): Promise<CallbackAttempt[]>;
  /** Adds a directory and history to an app (`org#app` or `org/app`), as if they had been there all along. */
  seed(appRef: string, seed: EasemobSeed): void;
  /** The full state of an app: users, profiles, contacts, blocks, groups, rooms, history per conversation. */
  inspect(appRef: string): EasemobAppSnapshot;
  /**
   * A client SDK sending a message (`org#app` or `org/app`): with a `presendUrl` the pre-send callback
   * decides first. Resolves with what the client sees; rejects when the message itself is malformed.
   */
  sendAsClient(appRef: string, message: EasemobClientMessage): Promise<EasemobClientSendResult>;
}

/** Starts a fake Easemob REST server (see the package README for what it covers). */
export async function startEasemobEmulator(options: EasemobEmulatorOptions): Promise<EasemobEmulator> {
  const ctx = new EasemobContext(options);
  const parts = {
    store: ctx.store,
    callbacks: ctx.callbacks,
    before: ctx.before,
    clock: ctx.clock,
    faultAnswers: {
      status: (status: number) =>
        easemobError(status, 'service_unavailable', 'fault injected by the emulator').body,
      tooManyRequests: () => {
        const { status, body } = reachLimit();
        return { status, body };
      },
    },
    resetVendor: () => ctx.reset(),
    ...(options.log ? { log: options.log } : {}),
  };
  const { server, faults, reset } = createEmulatorServer(parts);
  registerEasemobTokenRoutes(server, ctx);
  registerEasemobSendRoutes(server, ctx);
  registerEasemobRecallRoutes(server, ctx);
  registerEasemobUserRoutes(server, ctx);
  registerEasemobContactRoutes(server, ctx);
  registerEasemobGroupRoutes(server, ctx);
  registerEasemobChatroomRoutes(server, ctx);
  registerEasemobHistoryImportRoutes(server, ctx);
  registerEasemobHistoryExportRoutes(server, ctx);

  const appOf = (ref: string) => {
    const app = ctx.apps.get(ref.replace('#', '/'));
    if (!app) throw new Error(`unknown Easemob app ${ref}`);
    return app;
  };

  const fireCallback = async (body: Record<string, unknown>, fire: EasemobFireOptions = {}) => {
    const app = fire.appKey
      ? [...ctx.apps.values()].find((a) => a.appKey === fire.appKey)
      : ctx.apps.values().next().value;
    if (!app) throw new Error(`unknown Easemob app ${fire.appKey ?? '(none configured)'}`);
    const url = fire.url ?? app.callbackUrl;
    if (!url) throw new Error(`app ${app.appKey} has no callbackUrl; pass options.url`);
    const signed = signEasemobCallback(app, body);
    return ctx.callbacks.deliver({
      vendor: 'easemob',
      app: app.appKey,
      url,
      kind: String(signed['chat_type'] ?? signed['event'] ?? 'custom'),
      body: signed,
      timeoutMs: ctx.callbackTimeoutMs,
      retryOnce: fire.retry ?? true,
      maxResponseChars: 1000,
    });
  };

  // The state `inspect()` gives, over HTTP for an emulator in another process (the CLI's).
  server.get('/_emulator/apps/:org/:app/state', async (request, reply) => {
    const { org, app } = request.params as { org: string; app: string };
    const found = ctx.apps.get(`${org}/${app}`);
    if (!found) return reply.code(404).send({ error: `unknown Easemob app ${org}/${app}` });
    return snapshotEasemobApp(found);
  });
  // A client SDK sending a message (the vendor's pre-send callback fires only for these, §4.1).
  server.post('/_emulator/apps/:org/:app/client-messages', async (request, reply) => {
    const { org, app } = request.params as { org: string; app: string };
    const found = ctx.apps.get(`${org}/${app}`);
    if (!found)
      return reply
        .code(404)
        .send({ error: 'unknown_app', error_description: `unknown Easemob app ${org}/${app}` });
    const parsed = parseJson(request.body);
    try {
      return await sendAsEasemobClient(ctx, found, parsed.ok ? parsed.value : undefined);
    } catch (error) {
      if (!(error instanceof ClientMessageError)) throw error;
      return reply.code(400).send({ error: 'invalid_client_message', error_description: error.message });
    }
  });
  server.post('/_emulator/tokens/expire', async (_request, reply) => {
    ctx.tokens.expireAll();
    return reply.code(204).send();
  });
  server.post('/_emulator/callbacks', async (request, reply) => {
    const parsed = parseJson(request.body);
    if (!parsed.ok || !isObject(parsed.value) || !isObject(parsed.value['body'])) {
      return reply.code(400).send({ error: 'body must be { body: {...}, appKey?, url?, retry? }' });
    }
    const { body, ...fire } = parsed.value;
    return { attempts: await fireCallback(body as Record<string, unknown>, fire as EasemobFireOptions) };
  });

  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    ...handle(url, server, parts, faults, reset),
    expireTokens: () => ctx.tokens.expireAll(),
    fireCallback,
    seed: (ref, seed) => applyEasemobSeed(appOf(ref), seed, ctx.now()),
    inspect: (ref) => snapshotEasemobApp(appOf(ref)),
    sendAsClient: (ref, message) => sendAsEasemobClient(ctx, appOf(ref), message),
  };
}
