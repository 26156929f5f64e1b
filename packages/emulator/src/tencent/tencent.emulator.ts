import type { CallbackAttempt } from '../common/callback-sender.js';
import { createEmulatorServer, handle, type EmulatorHandle } from '../common/emulator-server.js';
import { isObject, listen, parseJson } from '../common/http-helpers.js';
import { registerTencentAccountRoutes } from './tencent-accounts.routes.js';
import { tencentCallbackUrl } from './tencent-callback.builder.js';
import { ClientOperationError, performTencentClientOperation } from './tencent-client-ops.js';
import type { TencentClientOperation } from './tencent-client-ops.js';
import { fail, type TencentResult } from './tencent-errors.js';
import { registerTencentRecallRoutes } from './tencent-recall.routes.js';
import { registerTencentGroupSendRoutes } from './tencent-group-send.routes.js';
import { registerTencentSendRoutes } from './tencent-send.routes.js';
import { registerTencentGroupImportRoutes } from './tencent-directory-groups.routes.js';
import { registerTencentDirectoryGroupReadRoutes } from './tencent-directory-group-reads.routes.js';
import { registerTencentDirectorySnsRoutes } from './tencent-directory-sns.routes.js';
import { registerTencentDirectoryUserRoutes } from './tencent-directory-users.routes.js';
import { registerTencentGroupMuteRoutes } from './tencent-group-mutes.routes.js';
import { registerTencentHistoryExportRoutes } from './tencent-history-export.routes.js';
import { registerTencentHistoryImportRoutes } from './tencent-history-import.routes.js';
import { registerTencentHistoryFileRoutes } from './tencent-history-files.routes.js';
import {
  applyTencentSeed,
  snapshotTencentApp,
  type TencentAppSnapshot,
  type TencentSeed,
} from './tencent-seed.js';
import { TencentContext } from './tencent.context.js';
import type { TencentEmulatorOptions } from './tencent.types.js';

export interface TencentFireOptions {
  /** e.g. `C2C.CallbackAfterSendMsg`; put in the query and, unless present, in the body. */
  command: string;
  body: Record<string, unknown>;
  /** App whose token signs the URL (default: the first app). */
  sdkAppId?: number;
  url?: string;
  clientIp?: string;
  optPlatform?: string;
  /** Unix seconds for `RequestTime` (default now): lets tests send stale signatures. */
  requestTime?: number;
}

export interface TencentEmulator extends EmulatorHandle {
  /** Posts an arbitrary callback with the vendor's query string and `Sign`; resolves with the attempt. */
  fireCallback(options: TencentFireOptions): Promise<CallbackAttempt[]>;
  /** Adds a vendor-native seed (accounts, profiles, friends, blocks, groups, history) to an app. */
  seed(sdkAppId: number, seed: TencentSeed): void;
  /** The whole state of an app, copied: to compare a migration's source and target item by item. */
  inspect(sdkAppId: number): TencentAppSnapshot;
  /**
   * A client SDK's operation that fires a client-only before-callback (see the README); resolves with what
   * the client is told, the vendor's result body. A body the operation cannot read throws.
   */
  asClient(
    sdkAppId: number,
    operation: TencentClientOperation,
    body: Record<string, unknown>,
  ): Promise<TencentResult>;
  /**
   * The `historyFileDelayHours` option at runtime (≥ 0; a RangeError otherwise). With 0 and the clock moved
   * past an hour's end, `get_history` serves that hour at once. `reset()` restores the option.
   */
  setHistoryFileDelayHours(hours: number): void;
}

/** Starts a fake Tencent Cloud IM REST server (see the package README for what it covers). */
export async function startTencentEmulator(options: TencentEmulatorOptions): Promise<TencentEmulator> {
  const ctx = new TencentContext(options);
  const parts = {
    store: ctx.store,
    callbacks: ctx.callbacks,
    before: ctx.before,
    clock: ctx.clock,
    faultAnswers: {
      status: () => fail(70169, 'fault injected by the emulator'),
      tooManyRequests: () => ({
        status: 429,
        body: fail(60007, 'REST API call frequency exceeds the limit'),
      }),
    },
    resetVendor: () => ctx.reset(),
    ...(options.log ? { log: options.log } : {}),
  };
  const { server, faults, reset } = createEmulatorServer(parts);
  registerTencentSendRoutes(server, ctx);
  registerTencentGroupSendRoutes(server, ctx);
  registerTencentRecallRoutes(server, ctx);
  registerTencentAccountRoutes(server, ctx);
  registerTencentDirectoryUserRoutes(server, ctx);
  registerTencentDirectorySnsRoutes(server, ctx);
  registerTencentGroupImportRoutes(server, ctx);
  registerTencentDirectoryGroupReadRoutes(server, ctx);
  registerTencentGroupMuteRoutes(server, ctx);
  registerTencentHistoryImportRoutes(server, ctx);
  registerTencentHistoryExportRoutes(server, ctx);
  registerTencentHistoryFileRoutes(server, ctx);
  const appOf = (sdkAppId: number) => {
    const app = ctx.apps.get(sdkAppId);
    if (!app) throw new Error(`unknown Tencent app ${sdkAppId}`);
    return app;
  };

  const fireCallback = async (fire: TencentFireOptions) => {
    const app = fire.sdkAppId !== undefined ? ctx.apps.get(fire.sdkAppId) : ctx.apps.values().next().value;
    if (!app) throw new Error(`unknown Tencent app ${fire.sdkAppId ?? '(none configured)'}`);
    const base = fire.url ?? app.callbackUrl;
    if (!base) throw new Error(`app ${app.sdkAppId} has no callbackUrl; pass options.url`);
    return ctx.callbacks.deliver({
      vendor: 'tencent',
      app: String(app.sdkAppId),
      url: tencentCallbackUrl(base, app, fire),
      kind: fire.command,
      body: { CallbackCommand: fire.command, ...fire.body },
      timeoutMs: ctx.callbackTimeoutMs,
      retryOnce: false,
    });
  };

  server.post('/_emulator/callbacks', async (request, reply) => {
    const parsed = parseJson(request.body);
    if (
      !parsed.ok ||
      !isObject(parsed.value) ||
      typeof parsed.value['command'] !== 'string' ||
      !isObject(parsed.value['body'])
    ) {
      return reply.code(400).send({
        error:
          'body must be { command, body: {...}, sdkAppId?, url?, clientIp?, optPlatform?, requestTime? }',
      });
    }
    return { attempts: await fireCallback(parsed.value as unknown as TencentFireOptions) };
  });

  // A client SDK's operation (the vendor fires these before-callbacks only for clients, tencent.md §2).
  server.post('/_emulator/tencent/:sdkAppId/client/:operation', async (request, reply) => {
    const { sdkAppId, operation } = request.params as { sdkAppId: string; operation: string };
    const app = ctx.apps.get(Number(sdkAppId));
    if (!app)
      return reply
        .code(404)
        .send({ error: 'unknown_app', error_description: `unknown Tencent app ${sdkAppId}` });
    const parsed = parseJson(request.body);
    try {
      return await performTencentClientOperation(
        ctx,
        app,
        operation,
        parsed.ok ? parsed.value : undefined,
        request.ip,
      );
    } catch (error) {
      if (!(error instanceof ClientOperationError)) throw error;
      return reply.code(400).send({ error: 'invalid_client_operation', error_description: error.message });
    }
  });

  // The get_history file delay at runtime, for an emulator in another process (the CLI's).
  server.get('/_emulator/history-file-delay', async () => ({ hours: ctx.historyFileDelayHours }));
  server.post('/_emulator/history-file-delay', async (request, reply) => {
    const parsed = parseJson(request.body);
    const hours = parsed.ok && isObject(parsed.value) ? parsed.value['hours'] : undefined;
    try {
      ctx.setHistoryFileDelayHours(hours as number);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return reply.code(400).send({ error: `body must be { hours: number ≥ 0 }: ${error.message}` });
    }
    return { hours: ctx.historyFileDelayHours };
  });

  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    ...handle(url, server, parts, faults, reset),
    fireCallback,
    seed: (sdkAppId, seed) => applyTencentSeed(ctx, appOf(sdkAppId), seed),
    inspect: (sdkAppId) => snapshotTencentApp(appOf(sdkAppId)),
    asClient: (sdkAppId, operation, body) =>
      performTencentClientOperation(ctx, appOf(sdkAppId), operation, body),
    setHistoryFileDelayHours: (hours) => ctx.setHistoryFileDelayHours(hours),
  };
}
