/** One accepted message as the emulator recorded it (one entry per recipient message id). */
export interface RecordedMessage {
  vendor: 'easemob' | 'tencent';
  /** Easemob `org#app`, Tencent SDKAppID as a string. */
  app: string;
  /** The API path pattern that accepted it, e.g. `/messages/users` or `/v4/openim/sendmsg`. */
  route: string;
  /** The vendor's id for this message: Easemob msg_id, Tencent MsgKey or `GroupId:MsgSeq`. */
  id: string;
  /** `chat` | `groupchat` | `chatroom` (Easemob), `C2C` | `Group` (Tencent). */
  chatType: string;
  from: string;
  to: string;
  /** Targeted members, when the API addresses part of a group or room. */
  users?: string[];
  /** Easemob `type` or the Tencent element types joined with `+`. */
  type: string;
  /** The message content as received (Easemob `body`, Tencent `MsgBody`). */
  body: unknown;
  ext?: unknown;
  receivedAt: number;
  recalled: boolean;
  /** The whole request body, for assertions on options the emulator does not interpret. */
  request: unknown;
}

export interface MessageFilter {
  app?: string;
  route?: string;
  to?: string;
}

/**
 * Log of accepted messages, indexed by id for recall. Bounded, so a long benchmark run does not
 * grow memory without end: past `capacity` the oldest tenth is forgotten.
 */
export class MessageStore {
  private items: RecordedMessage[] = [];
  private readonly byId = new Map<string, RecordedMessage>();

  constructor(private readonly capacity = 100_000) {}

  add(message: RecordedMessage): void {
    this.items.push(message);
    this.byId.set(`${message.app}|${message.id}`, message);
    if (this.items.length > this.capacity) {
      const dropped = this.items.slice(0, Math.ceil(this.capacity / 10));
      this.items = this.items.slice(dropped.length);
      for (const old of dropped) {
        const key = `${old.app}|${old.id}`;
        if (this.byId.get(key) === old) this.byId.delete(key);
      }
    }
  }

  get(app: string, id: string): RecordedMessage | undefined {
    return this.byId.get(`${app}|${id}`);
  }

  list(filter: MessageFilter = {}): RecordedMessage[] {
    return this.items.filter(
      (m) =>
        (filter.app === undefined || m.app === filter.app) &&
        (filter.route === undefined || m.route === filter.route) &&
        (filter.to === undefined || m.to === filter.to),
    );
  }

  clear(): void {
    this.items.length = 0;
    this.byId.clear();
  }
}
