import {
  idProblem,
  type HistoryMessage,
  type IdKind,
  type IdRule,
  type MigrationAccount,
  type MigrationBlock,
  type MigrationChatroom,
  type MigrationContact,
  type MigrationGroup,
  type MigrationKind,
  type MigrationMember,
  type MigrationMute,
  type MigrationUserProfile,
} from '@im-gateway/types';
import type { IdLookup } from '../bridges/mappings/id-mapper.js';

/**
 * Maps an item's ids to the target's: users through the bridge's id tables and rule, groups and rooms
 * through their id tables (the target assigned or was given those ids). Pure but for the lookups, which the
 * caller passes in (the runner: `IdMapper` over the bridge's tables and `mapUserIdByRule`), so a retry after
 * a mapping upload maps again and succeeds.
 */

/** The bridge's id lookups in the job's direction; null: no mapping. */
export type { IdLookup };

/** Why an item cannot be sent: `id_refused` (the target's id rule) or `mapping_missing`. */
export interface MappingFailure {
  code: 'id_refused' | 'mapping_missing';
  message: string;
}

export type Mapped<T> = { ok: true; item: T } | { ok: false; error: MappingFailure };

class Refusal extends Error {
  constructor(readonly failure: MappingFailure) {
    super(failure.message);
  }
}

/** Maps ids one by one, stopping at the first that cannot be mapped or that the target refuses. */
class Mapper {
  constructor(
    private readonly lookup: IdLookup,
    private readonly rules: Readonly<Record<IdKind, IdRule>>,
    private readonly targetName: string,
  ) {}

  async user(id: string): Promise<string> {
    const mapped = await this.lookup.user(id);
    if (mapped === null)
      throw new Refusal({
        code: 'mapping_missing',
        message: `no mapping for user ${id}: upload it to the bridge's user table, then retry`,
      });
    return this.checked('user', id, mapped);
  }

  async conversation(kind: 'group' | 'chatroom', id: string): Promise<string> {
    const mapped = await this.lookup.conversation(kind, id);
    if (mapped === null)
      throw new Refusal({
        code: 'mapping_missing',
        message: `no mapping for ${kind} ${id}: import the ${kind} first or upload its id, then retry`,
      });
    return mapped;
  }

  private checked(kind: IdKind, source: string, mapped: string): string {
    const problem = idProblem(this.rules[kind], mapped);
    if (problem === null) return mapped;
    const via = mapped === source ? `${kind} id ${source}` : `${kind} id ${source} (mapped to ${mapped})`;
    throw new Refusal({
      code: 'id_refused',
      message: `${this.targetName} refuses ${via}: it ${problem}; rule: ${this.rules[kind].description}. Upload a mapping for it, then retry.`,
    });
  }
}

/** A message's conversation on the target. */
async function mapMessage(m: Mapper, message: HistoryMessage): Promise<HistoryMessage> {
  const from = await m.user(message.from);
  const type = message.conversation.type;
  const id =
    type === 'direct'
      ? await m.user(message.conversation.id)
      : await m.conversation(type, message.conversation.id);
  const to = type === 'direct' ? await m.user(message.to) : id;
  return { ...message, from, to, conversation: { type, id } };
}

/**
 * The item with its ids mapped for the target, or why it cannot be. Groups and chat rooms keep their own
 * id (the writer asks the vendor for it where custom ids are taken; otherwise the vendor assigns one), with
 * their owner and members mapped.
 */
export async function mapItemIds(
  kind: MigrationKind,
  item: unknown,
  lookup: IdLookup,
  rules: Readonly<Record<IdKind, IdRule>>,
  targetName: string,
): Promise<Mapped<unknown>> {
  const m = new Mapper(lookup, rules, targetName);
  try {
    return { ok: true, item: await mapOne(m, kind, item) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.failure };
    throw error;
  }
}

async function mapOne(m: Mapper, kind: MigrationKind, item: unknown): Promise<unknown> {
  switch (kind) {
    case 'accounts': {
      const a = item as MigrationAccount;
      return { ...a, userId: await m.user(a.userId) };
    }
    case 'profiles': {
      const p = item as MigrationUserProfile;
      return { ...p, userId: await m.user(p.userId) };
    }
    case 'groups': {
      const g = item as MigrationGroup;
      return g.owner === undefined ? g : { ...g, owner: await m.user(g.owner) };
    }
    case 'members':
    case 'mutes': {
      const x = item as MigrationMember | MigrationMute;
      return { ...x, groupId: await m.conversation('group', x.groupId), userId: await m.user(x.userId) };
    }
    case 'chatrooms': {
      const r = item as MigrationChatroom;
      const users = async (ids: string[]) => {
        const out: string[] = [];
        for (const id of ids) out.push(await m.user(id));
        return out;
      };
      return {
        ...r,
        ...(r.owner === undefined ? {} : { owner: await m.user(r.owner) }),
        members: await users(r.members),
        admins: await users(r.admins),
      };
    }
    case 'history':
      return mapMessage(m, item as HistoryMessage);
    case 'contacts': {
      const c = item as MigrationContact;
      return { ...c, owner: await m.user(c.owner), friend: await m.user(c.friend) };
    }
    case 'blocklists': {
      const b = item as MigrationBlock;
      return { ...b, owner: await m.user(b.owner), blocked: await m.user(b.blocked) };
    }
  }
}
