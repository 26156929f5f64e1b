/**
 * A provider over in-memory arrays, for testing the migration job machinery — planning, leases, resume,
 * retries, progress, the relay gate — before and independently of vendor behaviour: its reader pages
 * through arrays a test fills, its writer keeps what it imports and answers `exists` for what it has, as
 * the contract requires. It behaves like a vendor where the job machinery must cope: an id rule, ids it
 * assigns to groups, history that must be newer than what a conversation holds, a per-item failure. The
 * vendor-backed end-to-end tests run the real providers against the emulators.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import {
  IM_PROVIDER,
  VendorRequestError,
  type HistoryMessage,
  type ImProvider,
  type MigrationAccount,
  type MigrationBlock,
  type MigrationCapabilities,
  type MigrationChatroom,
  type MigrationContact,
  type MigrationGroup,
  type MigrationItemResult,
  type MigrationKind,
  type MigrationMember,
  type MigrationMute,
  type MigrationPage,
  type MigrationUserProfile,
  type ProviderCapabilities,
  type SendRequest,
  type VendorCallContext,
} from '@im-gateway/types';

export interface MemoryConfig {
  store: string;
}

/** One app's data: what its reader gives, what its writer took, what live sends reached it. */
export class MemoryApp {
  accounts: MigrationAccount[] = [];
  profiles: MigrationUserProfile[] = [];
  groups: MigrationGroup[] = [];
  members: MigrationMember[] = [];
  mutes: MigrationMute[] = [];
  chatrooms: MigrationChatroom[] = [];
  history: HistoryMessage[] = [];
  contacts: MigrationContact[] = [];
  blocks: MigrationBlock[] = [];

  readonly imported = {
    accounts: new Map<string, MigrationAccount & { password: string }>(),
    profiles: new Map<string, MigrationUserProfile>(),
    /** By the id this app assigned. */
    groups: new Map<string, MigrationGroup>(),
    members: new Map<string, MigrationMember>(),
    contacts: new Map<string, MigrationContact>(),
    blocks: new Map<string, MigrationBlock>(),
  };
  /** Each conversation's messages, imported or sent live, in the order they were taken. */
  readonly conversations = new Map<string, { id: string; sentAt: number; live: boolean }[]>();
  /** Live sends (the relay), in order. */
  readonly sent: SendRequest[] = [];
  /** Writer calls per kind, and items each created (an `exists` creates nothing). */
  readonly calls: Partial<Record<MigrationKind, number>> = {};
  /** Ids (user, message, friend…) the writer refuses with a vendor error, one item at a time. */
  readonly failOn = new Set<string>();
  /** After this many writer calls of a kind, the next one applies its batch and never answers (a killed process). */
  hangAfter: { kind: MigrationKind; calls: number } | null = null;
  /** Kinds whose reads the vendor refuses (an outage), until the test clears them. */
  readonly failReads = new Set<MigrationKind>();
  /** How long each writer call takes (a slow vendor), so a test can act while a job imports. */
  delayMs = 0;
  private assigned = 0;

  nextGroupId(): string {
    return `grp-${++this.assigned}`;
  }

  /** The messages of a conversation on this side, keyed like the target sees it. */
  timeline(key: string) {
    let list = this.conversations.get(key);
    if (!list) this.conversations.set(key, (list = []));
    return list;
  }
}

const stores = new Map<string, MemoryApp>();

/** The data of the app whose config names `store` (created on first use). */
export function memoryApp(store: string): MemoryApp {
  let app = stores.get(store);
  if (!app) stores.set(store, (app = new MemoryApp()));
  return app;
}

const PAGE = 2;
const never = new Promise<never>(() => undefined);

function page<T>(items: T[], cursor: string | null): MigrationPage<T> {
  const start = cursor === null ? 0 : Number(cursor);
  const next = start + PAGE < items.length ? String(start + PAGE) : null;
  return { items: items.slice(start, start + PAGE), next };
}

const conversationKey = (m: HistoryMessage) =>
  m.conversation.type === 'direct' ? [m.from, m.to].sort().join('|') : m.conversation.id;

/** The in-memory provider; `name` and capabilities vary so that one test has a source and a target. */
export class MemoryMigrationProvider implements ImProvider<MemoryConfig> {
  readonly secretFields = [] as const;
  readonly apiLimits = [{ api: 'memory', unit: 'calls' as const, points: 1000, perSeconds: 1 }];
  readonly migration;

  constructor(
    readonly name: string,
    readonly displayName: string,
    readonly capabilities: ProviderCapabilities & { migration: MigrationCapabilities },
  ) {
    const call = <T>(ctx: VendorCallContext, work: () => T | Promise<T>) =>
      ctx.call('memory', 1, async () => work());
    const writes = async <T>(app: MemoryApp, kind: MigrationKind, ctx: VendorCallContext, apply: () => T) => {
      const n = (app.calls[kind] = (app.calls[kind] ?? 0) + 1);
      if (app.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, app.delayMs));
      const result = await call(ctx, apply);
      if (app.hangAfter?.kind === kind && n > app.hangAfter.calls) return never;
      return result;
    };
    const failed = (key: string): MigrationItemResult => ({
      key,
      status: 'failed',
      error: { code: 'vendor_rejected', message: `the vendor refused ${key}`, vendorCode: '40003' },
    });
    const keep = <T>(app: MemoryApp, map: Map<string, T>, key: string, value: T): MigrationItemResult => {
      if (app.failOn.has(key)) return failed(key);
      if (map.has(key)) return { key, status: 'exists' };
      map.set(key, value);
      return { key, status: 'done' };
    };
    const app = (c: MemoryConfig) => memoryApp(c.store);
    this.migration = {
      reader: {
        ...(capabilities.migration.directory.read.accounts.supported
          ? {
              accounts: (c: MemoryConfig, cursor: string | null, ctx: VendorCallContext) =>
                call(ctx, () => page(app(c).accounts, cursor)),
            }
          : {}),
        profiles: (c: MemoryConfig, users: readonly string[], ctx: VendorCallContext) =>
          call(ctx, () => app(c).profiles.filter((p) => users.includes(p.userId))),
        contacts: (c: MemoryConfig, owner: string, cursor: string | null, ctx: VendorCallContext) =>
          call(ctx, () =>
            page(
              app(c).contacts.filter((x) => x.owner === owner),
              cursor,
            ),
          ),
        blocklist: (c: MemoryConfig, owner: string, cursor: string | null, ctx: VendorCallContext) =>
          call(ctx, () =>
            page(
              app(c).blocks.filter((x) => x.owner === owner),
              cursor,
            ),
          ),
        groups: (c: MemoryConfig, cursor: string | null, ctx: VendorCallContext) =>
          call(ctx, () => {
            if (app(c).failReads.has('groups'))
              throw new VendorRequestError('vendor_rejected', 'the vendor refused the group list', '500');
            return page(app(c).groups, cursor);
          }),
        members: (c: MemoryConfig, groupId: string, cursor: string | null, ctx: VendorCallContext) =>
          call(ctx, () =>
            page(
              app(c).members.filter((m) => m.groupId === groupId),
              cursor,
            ),
          ),
        mutes: (c: MemoryConfig, groupId: string, ctx: VendorCallContext) =>
          call(ctx, () => app(c).mutes.filter((m) => m.groupId === groupId)),
        chatrooms: (c: MemoryConfig, cursor: string | null, ctx: VendorCallContext) =>
          call(ctx, () => page(app(c).chatrooms, cursor)),
        history: (
          c: MemoryConfig,
          w: { from: number; to: number },
          cursor: string | null,
          ctx: VendorCallContext,
        ) =>
          call(ctx, () =>
            page(
              app(c)
                .history.filter((m) => m.sentAt >= w.from && m.sentAt < w.to)
                .sort((a, b) => a.sentAt - b.sentAt),
              cursor,
            ),
          ),
      },
      writer: {
        importAccounts: (
          c: MemoryConfig,
          accounts: readonly MigrationAccount[],
          o: { passwordFor: (u: string) => string },
          ctx: VendorCallContext,
        ) =>
          writes(app(c), 'accounts', ctx, () =>
            accounts.map((a) =>
              keep(app(c), app(c).imported.accounts, a.userId, { ...a, password: o.passwordFor(a.userId) }),
            ),
          ),
        importProfiles: (
          c: MemoryConfig,
          profiles: readonly MigrationUserProfile[],
          ctx: VendorCallContext,
        ) =>
          writes(app(c), 'profiles', ctx, () =>
            profiles.map((p) => keep(app(c), app(c).imported.profiles, p.userId, p)),
          ),
        // Like Easemob: the vendor assigns the id, so a second call creates a second group.
        importGroup: (c: MemoryConfig, group: MigrationGroup, ctx: VendorCallContext) =>
          writes(app(c), 'groups', ctx, (): MigrationItemResult => {
            if (app(c).failOn.has(group.groupId)) return failed(group.groupId);
            const id = app(c).nextGroupId();
            app(c).imported.groups.set(id, { ...group, groupId: id });
            return { key: group.groupId, status: 'done', targetId: id };
          }),
        importMembers: (
          c: MemoryConfig,
          groupId: string,
          members: readonly MigrationMember[],
          ctx: VendorCallContext,
        ) =>
          writes(app(c), 'members', ctx, () => {
            if (!app(c).imported.groups.has(groupId))
              throw new VendorRequestError('vendor_rejected', `no group ${groupId}`, '404');
            return members.map((m) => ({
              ...keep(app(c), app(c).imported.members, `${groupId}→${m.userId}`, m),
              key: m.userId,
            }));
          }),
        importMutes: (c: MemoryConfig, _g: string, mutes: readonly MigrationMute[], ctx: VendorCallContext) =>
          writes(app(c), 'mutes', ctx, () =>
            mutes.map((m): MigrationItemResult => ({ key: m.userId, status: 'done' })),
          ),
        importChatroom: (c: MemoryConfig, room: MigrationChatroom, ctx: VendorCallContext) =>
          writes(app(c), 'chatrooms', ctx, (): MigrationItemResult => ({
            key: room.roomId,
            status: 'done',
            targetId: room.roomId,
          })),
        // Like both vendors: a message older than what its conversation holds is refused; a re-import exists.
        importHistory: (c: MemoryConfig, messages: readonly HistoryMessage[], ctx: VendorCallContext) =>
          writes(app(c), 'history', ctx, () =>
            messages.map((m): MigrationItemResult => {
              const list = app(c).timeline(conversationKey(m));
              if (app(c).failOn.has(m.messageId)) return failed(m.messageId);
              if (list.some((x) => x.id === m.messageId)) return { key: m.messageId, status: 'exists' };
              const newest = list[list.length - 1];
              if (newest && newest.sentAt > m.sentAt)
                return {
                  key: m.messageId,
                  status: 'failed',
                  error: {
                    code: 'vendor_rejected',
                    message: 'older than the newest message of the conversation',
                  },
                };
              list.push({ id: m.messageId, sentAt: m.sentAt, live: false });
              return { key: m.messageId, status: 'done', targetId: `imp-${m.messageId}` };
            }),
          ),
        importContacts: (
          c: MemoryConfig,
          owner: string,
          contacts: readonly MigrationContact[],
          ctx: VendorCallContext,
        ) =>
          writes(app(c), 'contacts', ctx, () =>
            contacts.map((x) => ({
              ...keep(app(c), app(c).imported.contacts, `${owner}→${x.friend}`, x),
              key: x.friend,
            })),
          ),
        importBlocks: (
          c: MemoryConfig,
          owner: string,
          blocks: readonly MigrationBlock[],
          ctx: VendorCallContext,
        ) =>
          writes(app(c), 'blocklists', ctx, () =>
            blocks.map((x) => ({
              ...keep(app(c), app(c).imported.blocks, `${owner}→${x.blocked}`, x),
              key: x.blocked,
            })),
          ),
      },
    };
  }

  validateConfig(raw: unknown): MemoryConfig {
    const store = (raw as { store?: unknown } | null)?.store;
    if (typeof store !== 'string' || store === '') throw new Error('config.store is required');
    return { store };
  }

  verifyCallback(): void {}

  /** A callback is `{ messageId, from, to, type: 'direct' | 'group', text, sentAt }`: one message.sent event. */
  normalizeCallback(request: { body: unknown }) {
    const b = request.body as {
      messageId: string;
      from: string;
      to: string;
      type: 'direct' | 'group';
      text: string;
      sentAt: number;
    };
    const sentAt = new Date(b.sentAt).toISOString();
    return {
      dedupeKey: b.messageId,
      vendorKind: 'message',
      events: [
        {
          type: 'message.sent' as const,
          occurredAt: sentAt,
          dedupeKey: b.messageId,
          conversation: { type: b.type, id: b.type === 'direct' ? b.from : b.to },
          actor: b.from,
          message: {
            id: b.messageId,
            from: b.from,
            to: b.to,
            sentAt,
            contents: [{ type: 'text' as const, text: b.text }],
          },
          data: {},
          raw: b,
        },
      ],
    };
  }

  callbackReply() {
    return { status: 200, body: { ok: true } };
  }

  /** The memory vendor sends no before-callbacks (`capabilities.before.commands` is empty): never asked. */
  decisionReply(): never {
    throw new Error('The memory provider has no before-callbacks to answer.');
  }

  /** A live send (the relay): appended to its conversation as the newest message. */
  async send(config: MemoryConfig, request: SendRequest) {
    const app = memoryApp(config.store);
    app.sent.push(request);
    const to = request.to as { type: string; ids: string[] };
    const key = to.type === 'user' ? [request.from, to.ids[0]!].sort().join('|') : to.ids[0]!;
    const id = `live-${app.sent.length}`;
    app.timeline(key).push({ id, sentAt: Date.now(), live: true });
    return { recipients: [{ recipient: to.ids[0]!, status: 'sent' as const, vendorMessageId: id }] };
  }

  async recall(): Promise<void> {}
}

/** A module registering one provider under `IM_PROVIDER`, as a provider package's module does. */
export function memoryProviderModule(provider: MemoryMigrationProvider): DynamicModule {
  @Module({})
  class MemoryProviderModule {}
  Object.defineProperty(MemoryProviderModule, 'name', { value: `MemoryProviderModule_${provider.name}` });
  return { module: MemoryProviderModule, providers: [{ provide: IM_PROVIDER, useValue: provider }] };
}
