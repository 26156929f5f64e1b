import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BeforeExchangeLog } from '../common/before-callback.js';
import { CallbackFaults } from '../common/callback-faults.js';
import { CallbackSender } from '../common/callback-sender.js';
import { EmulatorClock } from '../common/emulator-clock.js';
import { MessageIdGenerator } from '../common/id-generator.js';
import { MessageStore, type RecordedMessage } from '../common/message-store.js';
import { messageCallback } from './easemob-callback.builder.js';
import { appNotFound, type EasemobErrorReply } from './easemob-errors.js';
import { EasemobRateLimits } from './easemob-rate-limits.js';
import { EasemobTokenStore } from './easemob-token.store.js';
import { emptyDirectory, historyRecord } from './easemob-directory.state.js';
import type { EasemobApp, EasemobEmulatorOptions } from './easemob.types.js';

type AppParams = { org: string; app: string };

/** Everything the Easemob routes share: apps, tokens, limits, ids, the message log, callbacks. */
export class EasemobContext {
  readonly apps = new Map<string, EasemobApp>();
  readonly tokens = new EasemobTokenStore();
  readonly limits: EasemobRateLimits;
  readonly ids = new MessageIdGenerator();
  readonly store = new MessageStore();
  readonly callbacks: CallbackSender;
  /** Pre-send callback exchanges. */
  readonly before = new BeforeExchangeLog();
  readonly registeredOnly: boolean;
  readonly tokenTtlSeconds: number;
  readonly callbackTimeoutMs: number;
  readonly clock: EmulatorClock;
  readonly now: () => number;
  readonly options: EasemobEmulatorOptions;
  /** Export files handed out by `GET /chatmessages/{time}`, by download token. */
  readonly exportFiles = new Map<string, { body: Buffer; expiresAt: number }>();

  constructor(options: EasemobEmulatorOptions) {
    this.options = options;
    this.clock = new EmulatorClock(options.now);
    this.now = this.clock.now;
    this.callbacks = new CallbackSender(new CallbackFaults(), options.log);
    this.limits = new EasemobRateLimits(options.rateLimits ?? true, this.now);
    this.registeredOnly = options.ids === 'registered';
    // The console default for app tokens is 60 days (easemob.md §1.1).
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 60 * 24 * 3600;
    // Easemob waits up to 60 s for a callback answer (easemob.md §4.3).
    this.callbackTimeoutMs = options.callbackTimeoutMs ?? 60_000;
    for (const config of options.apps) {
      const appKey = `${config.orgName}#${config.appName}`;
      this.apps.set(`${config.orgName}/${config.appName}`, {
        ...config,
        appKey,
        uuid: randomUUID(),
        ...emptyDirectory(),
      });
    }
  }

  app(request: FastifyRequest): EasemobApp | EasemobErrorReply {
    const { org, app } = request.params as AppParams;
    const found = this.apps.get(`${org}/${app}`);
    if (found) return found;
    const rest = (request.url.split('?', 1)[0] ?? '').split('/').slice(3).join('/');
    return appNotFound(org, app, rest);
  }

  /** Resolves the app and checks the bearer token; answers the vendor's error when either fails. */
  async authorized(request: FastifyRequest, reply: FastifyReply): Promise<EasemobApp | null> {
    const app = this.app(request);
    if ('status' in app) {
      await reply.code(app.status).send(app.body);
      return null;
    }
    const denied = this.tokens.check(request, app.appKey);
    if (denied) {
      await reply.code(denied.status).send(denied.body);
      return null;
    }
    return app;
  }

  /** The success envelope of every Easemob REST answer (easemob.md §2.4, `rest_*.json`). */
  envelope(request: FastifyRequest, app: EasemobApp, path: string, data: unknown, action = 'post') {
    return {
      path,
      uri: `http://${request.headers.host ?? 'localhost'}/${app.orgName}/${app.appName}${path}`,
      timestamp: Date.now(),
      organization: app.orgName,
      application: app.uuid,
      action,
      data,
      duration: 0,
      applicationName: app.appName,
    };
  }

  /**
   * Records an accepted message (in the inspection log and the app's history, so exports see it) and,
   * like the vendor, fires the post-send callback for it (imports only with `importCallbacks`).
   */
  accept(app: EasemobApp, message: RecordedMessage, imported = false): void {
    this.store.add(message);
    app.history.push(historyRecord(message, imported ? 'imported' : 'sent'));
    if (app.callbackUrl && (!imported || this.options.importCallbacks === true)) {
      this.callbacks.enqueue({
        vendor: 'easemob',
        app: app.appKey,
        url: app.callbackUrl,
        kind: 'chat',
        // An imported message is stamped with its past time; its callback, like any, with the time it is sent.
        body: messageCallback(app, imported ? { ...message, receivedAt: this.now() } : message),
        timeoutMs: this.callbackTimeoutMs,
        // Non-200 → one immediate retry; answers over 1,000 characters count as failures (§4.3).
        retryOnce: true,
        maxResponseChars: 1000,
      });
    }
  }

  reset(): void {
    this.tokens.clear();
    this.limits.clear();
    this.store.clear();
    this.callbacks.clear();
    this.before.clear();
    this.exportFiles.clear();
    for (const app of this.apps.values()) Object.assign(app, emptyDirectory());
  }
}

export async function sendError(reply: FastifyReply, error: EasemobErrorReply): Promise<void> {
  await reply.code(error.status).send(error.body);
}
