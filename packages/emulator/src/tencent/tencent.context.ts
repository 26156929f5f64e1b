import { BeforeExchangeLog } from '../common/before-callback.js';
import { CallbackFaults } from '../common/callback-faults.js';
import { CallbackSender } from '../common/callback-sender.js';
import { EmulatorClock } from '../common/emulator-clock.js';
import { MessageStore } from '../common/message-store.js';
import { SlidingWindowLimiter } from '../common/rate-limiter.js';
import { tencentCallbackUrl } from './tencent-callback.builder.js';
import { refuse } from './tencent-errors.js';
import type {
  TencentApp,
  TencentEmulatorOptions,
  TencentGroup,
  TencentHistoryRecord,
} from './tencent.types.js';
import { forgetSends } from './tencent-send.dedup.js';

const LIVE_HISTORY_CAPACITY = 100_000;

/** Group defaults of `import_group` / `create_group` (migration-apis §1.7). */
export function newTencentGroup(type: string, name: string, createTime: number): TencentGroup {
  return {
    type,
    name,
    createTime,
    members: new Map(),
    seq: 0,
    maxMemberNum: type === 'Community' ? 100_000 : 2000,
    applyJoinOption: 'NeedPermission',
    muteAllMember: 'Off',
    appDefinedData: [],
    history: [],
    applications: [],
    topics: new Map(),
  };
}

/** The key of a one-to-one conversation: the same for both directions. */
export const c2cKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** State shared by the Tencent routes. */
export class TencentContext {
  readonly apps = new Map<number, TencentApp>();
  readonly store = new MessageStore();
  readonly callbacks: CallbackSender;
  readonly limiter = new SlidingWindowLimiter(() => this.now());
  readonly registeredOnly: boolean;
  readonly rateLimits: boolean;
  readonly callbackTimeoutMs: number;
  readonly before = new BeforeExchangeLog();
  readonly beforeTimeoutMs: number;
  readonly clock: EmulatorClock;
  readonly now: () => number;
  private readonly liveQueues = new Map<number, [TencentHistoryRecord[], TencentHistoryRecord][]>();
  readonly strictGroupImportOrder: boolean;
  /** Hours after an hour ends before `get_history` has its file; tests may change it at runtime. */
  historyFileDelayHours: number;
  private readonly configuredFileDelayHours: number;

  constructor(options: TencentEmulatorOptions) {
    this.clock = new EmulatorClock(options.now);
    this.now = this.clock.now;
    this.strictGroupImportOrder = options.groupImportOrder === 'strict';
    this.configuredFileDelayHours = options.historyFileDelayHours ?? 1;
    this.historyFileDelayHours = this.configuredFileDelayHours;
    this.callbacks = new CallbackSender(new CallbackFaults(), options.log);
    this.registeredOnly = options.ids === 'registered';
    this.rateLimits = options.rateLimits ?? true;
    this.callbackTimeoutMs = options.callbackTimeoutMs ?? 2000;
    this.beforeTimeoutMs = options.beforeCallbackTimeoutMs ?? 2000;
    for (const config of options.apps) {
      this.apps.set(config.sdkAppId, {
        ...config,
        accounts: new Set(),
        groups: new Map(),
        unread: new Map(),
        profiles: new Map(),
        friends: new Map(),
        blocks: new Map(),
        c2c: new Map(),
        officialAccounts: new Map(),
      });
    }
  }

  /** In `registered` mode an unknown UserID gets 20003 (tencent.md §4.4). The caller is always known. */
  requireAccount(app: TencentApp, userId: string, caller: string): void {
    if (this.registeredOnly && userId !== caller && !app.accounts.has(userId)) {
      refuse(20003, `UserID ${userId} is invalid or not imported`);
    }
  }

  knownAccount(app: TencentApp, userId: string, caller: string): boolean {
    return !this.registeredOnly || userId === caller || app.accounts.has(userId);
  }

  /** The group, created on first use in `any` mode; 10010 in `registered` mode when unknown. */
  group(app: TencentApp, groupId: unknown): TencentGroup {
    if (typeof groupId !== 'string' || groupId === '') refuse(10015, 'GroupId is invalid');
    let group = app.groups.get(groupId);
    if (!group) {
      if (this.registeredOnly) refuse(10010, `group ${groupId} does not exist`);
      group = newTencentGroup('Public', groupId, Math.floor(this.now() / 1000));
      app.groups.set(groupId, group);
    }
    return group;
  }

  /** The one-to-one history of `a` and `b`, created empty. */
  conversation(app: TencentApp, a: string, b: string): TencentHistoryRecord[] {
    const key = c2cKey(a, b);
    let list = app.c2c.get(key);
    if (!list) {
      list = [];
      app.c2c.set(key, list);
    }
    return list;
  }

  /**
   * Appends a live-sent message to a conversation's history. Live history is bounded like the send log
   * (benchmarks send without end): past `LIVE_HISTORY_CAPACITY` per app the oldest live message is forgotten;
   * imported and seeded history is kept.
   */
  keepLive(app: TencentApp, list: TencentHistoryRecord[], record: TencentHistoryRecord): void {
    list.push(record);
    let queue = this.liveQueues.get(app.sdkAppId);
    if (!queue) {
      queue = [];
      this.liveQueues.set(app.sdkAppId, queue);
    }
    queue.push([list, record]);
    if (queue.length <= LIVE_HISTORY_CAPACITY) return;
    const [oldList, oldRecord] = queue.shift() as [TencentHistoryRecord[], TencentHistoryRecord];
    const at = oldList.indexOf(oldRecord);
    if (at >= 0) oldList.splice(at, 1);
  }

  /** Posts an after-callback when the app has a callback URL; Tencent does not retry by default. */
  fire(app: TencentApp, command: string, body: Record<string, unknown>, clientIp: string): void {
    if (!app.callbackUrl) return;
    this.callbacks.enqueue({
      vendor: 'tencent',
      app: String(app.sdkAppId),
      url: tencentCallbackUrl(app.callbackUrl, app, { command, clientIp }),
      kind: command,
      body: { CallbackCommand: command, ...body },
      timeoutMs: this.callbackTimeoutMs,
      retryOnce: false,
    });
  }

  /** Sets `historyFileDelayHours` at runtime: 0 makes an hour's file ready as soon as the hour is over. */
  setHistoryFileDelayHours(hours: number): void {
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0)
      throw new RangeError(`historyFileDelayHours must be a number ≥ 0, got ${JSON.stringify(hours)}`);
    this.historyFileDelayHours = hours;
  }

  reset(): void {
    this.historyFileDelayHours = this.configuredFileDelayHours;
    this.store.clear();
    this.callbacks.clear();
    this.before.clear();
    this.limiter.clear();
    this.liveQueues.clear();
    for (const app of this.apps.values()) {
      forgetSends(app);
      app.accounts.clear();
      app.groups.clear();
      app.unread.clear();
      app.profiles.clear();
      app.friends.clear();
      app.blocks.clear();
      app.c2c.clear();
      app.officialAccounts.clear();
    }
  }
}
