import type {
  EasemobAppSnapshot,
  EasemobHistoryRecord,
  TencentAppSnapshot,
  TencentHistoryRecord,
} from '@im-gateway/emulator';
import type { MigrationKind } from '@im-gateway/types';

/**
 * Item-by-item comparison of a migration's source and target, from the two emulators' `inspect()`. Each
 * source item is looked up on the target under its mapped id; it counts as carried when every compared field
 * is equal (times to the target's precision), and otherwise must be in the job's report (skipped or failed)
 * with a reason. Written against the vendors' own shapes, not the gateway's mappers, so a mapper bug shows.
 */

/** Where each source item of a kind ended up. */
export interface KindTally {
  source: number;
  /** On the target once, equal. */
  carried: number;
  /** In the job's report (skipped or failed). */
  reported: number;
  /** Neither: on the target but different, or absent, and not reported. */
  missing: number;
  /** The first few of those, for the message. */
  wrong: string[];
  /** Reported although the target has it, equal: the report would be false. */
  reportedButCarried: string[];
}

export type Tally = Record<MigrationKind, KindTally>;

/** The job's skipped and failed items, by kind and source id, with their reason or error. */
export type Report = Map<string, string>;
export const reportKey = (kind: MigrationKind, sourceId: string) => `${kind}:${sourceId}`;

export function reportOf(items: { kind: string; sourceId: string; reason?: string | null; error?: any }[]) {
  const report: Report = new Map();
  for (const i of items)
    report.set(
      reportKey(i.kind as MigrationKind, i.sourceId),
      i.reason ?? (i.error ? `${i.error.code}: ${i.error.message}` : ''),
    );
  return report;
}

class Tallies {
  readonly tally = {} as Tally;
  constructor(private readonly report: Report) {}

  /** One source item: `difference` is null when the target holds it equal, else what differs. */
  check(kind: MigrationKind, sourceId: string, difference: string | null): void {
    const t = (this.tally[kind] ??= {
      source: 0,
      carried: 0,
      reported: 0,
      missing: 0,
      wrong: [],
      reportedButCarried: [],
    });
    t.source += 1;
    const reason = this.report.get(reportKey(kind, sourceId));
    if (difference === null) {
      t.carried += 1;
      if (reason !== undefined) t.reportedButCarried.push(sourceId);
    } else if (reason) t.reported += 1;
    else {
      t.missing += 1;
      if (t.wrong.length < 5) t.wrong.push(`${sourceId}: ${difference}`);
    }
  }
}

const sec = (ms: number) => Math.floor(ms / 1000);
const sortedJson = (value: Record<string, unknown> | undefined) =>
  JSON.stringify(Object.fromEntries(Object.entries(value ?? {}).sort(([a], [b]) => a.localeCompare(b))));

/** A content in neutral words, as both vendors can say it: type and the field that identifies it. */
export function easemobBodyPrint(body: Record<string, any>): string {
  switch (body['type']) {
    case 'txt':
      return `text:${body['msg']}`;
    case 'img':
      return `image:${body['url']}`;
    case 'audio':
      return `audio:${body['url']}`;
    case 'video':
      return `video:${body['url']}`;
    case 'file':
      return `file:${body['url']}`;
    case 'loc':
      return `location:${Number(body['lat'])},${Number(body['lng'])}`;
    case 'cmd':
      return `command:${body['action']}`;
    case 'custom': {
      const exts = (body['customExts'] ?? {}) as Record<string, unknown>;
      if (body['customEvent'] === undefined && typeof exts['data'] === 'string')
        return `custom-data:${exts['data']}`;
      return `custom:${body['customEvent']}:${sortedJson(exts)}`;
    }
    default:
      return `other:${JSON.stringify(body)}`;
  }
}

export function tencentElementPrint(element: { MsgType: string; MsgContent: Record<string, any> }): string {
  const c = element.MsgContent;
  switch (element.MsgType) {
    case 'TIMTextElem':
      return `text:${c['Text']}`;
    case 'TIMImageElem': {
      const images = (c['ImageInfoArray'] ?? []) as { Type: number; URL: string }[];
      return `image:${(images.find((i) => i.Type === 1) ?? images[0])?.URL}`;
    }
    case 'TIMSoundElem':
      return `audio:${c['Url']}`;
    case 'TIMVideoFileElem':
      return `video:${c['VideoUrl']}`;
    case 'TIMFileElem':
      return `file:${c['Url']}`;
    case 'TIMLocationElem':
      return `location:${Number(c['Latitude'])},${Number(c['Longitude'])}`;
    case 'TIMFaceElem':
      return `face:${c['Index']}`;
    case 'TIMCustomElem': {
      let data: any;
      try {
        data = JSON.parse(String(c['Data']));
      } catch {
        data = undefined;
      }
      if (data?.imgw === 'command') return `command:${data.action}`;
      if (data && typeof data === 'object' && 'event' in data)
        return `custom:${data.event}:${sortedJson(data.fields)}`;
      return `custom-data:${c['Data']}`;
    }
    default:
      return `other:${JSON.stringify(element)}`;
  }
}

/** A history message as compared: sender, time at the target's precision, contents. */
interface Said {
  id: string;
  from: string;
  at: number;
  prints: string[];
}

/**
 * Compares one conversation's history: the target holds, in order, exactly the source messages the report
 * does not name, each with equal sender, time and contents.
 */
function compareConversation(
  t: Tallies,
  report: Report,
  source: Said[],
  target: Said[],
  where: string,
): void {
  const expected = source.filter((m) => !report.has(reportKey('history', m.id)));
  const extra = target.length - expected.length;
  let k = 0;
  for (const m of source) {
    if (report.has(reportKey('history', m.id))) {
      t.check('history', m.id, 'reported');
      continue;
    }
    const got = target[k++];
    const same =
      got !== undefined &&
      got.from === m.from &&
      got.at === m.at &&
      JSON.stringify(got.prints) === JSON.stringify(m.prints);
    t.check(
      'history',
      m.id,
      same ? null : `${where}#${k - 1}: expected ${JSON.stringify(m)}, target has ${JSON.stringify(got)}`,
    );
  }
  if (extra !== 0) t.check('history', `${where}:count`, `target holds ${extra} messages more than expected`);
}

const tencentSaid = (r: TencentHistoryRecord): Said => ({
  id: '',
  from: r.From_Account,
  at: r.MsgTimeStamp,
  prints: (r.MsgBody as { MsgType: string; MsgContent: Record<string, any> }[]).map(tencentElementPrint),
});
const easemobSaid = (r: EasemobHistoryRecord): Said => ({
  id: r.msg_id,
  from: r.from,
  at: r.timestamp,
  prints: r.payload.bodies.map(easemobBodyPrint),
});

const GENDER_TAG: Record<string, string> = {
  '0': 'Gender_Type_Unknown',
  '1': 'Gender_Type_Male',
  '2': 'Gender_Type_Female',
};
const ROLE: Record<string, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
/** Tencent's "muted for ever". */
const FOREVER = 4_294_967_295;

function diff(pairs: [string, unknown, unknown][]): string | null {
  const bad = pairs.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
  return bad.length === 0
    ? null
    : bad.map(([k, a, b]) => `${k}: source ${JSON.stringify(a)}, target ${JSON.stringify(b)}`).join('; ');
}

/** Easemob source → Tencent target. `groups` and `rooms` map source ids to target ids. */
export function compareEasemobToTencent(
  source: EasemobAppSnapshot,
  target: TencentAppSnapshot,
  ids: { groups: Map<string, string>; rooms: Map<string, string> },
  report: Report,
): Tally {
  const t = new Tallies(report);
  const accounts = new Set(target.accounts);
  for (const u of source.users)
    t.check('accounts', u.username, accounts.has(u.username) ? null : 'no such account');

  for (const [user, attrs] of Object.entries(source.metadata)) {
    const got = target.profiles[user] ?? {};
    const custom = Object.entries(attrs).filter(
      ([k]) => !['nickname', 'avatarurl', 'gender', 'sign', 'birth'].includes(k),
    );
    t.check(
      'profiles',
      user,
      diff([
        ['nickname', attrs['nickname'], got['Tag_Profile_IM_Nick']],
        ['avatarurl', attrs['avatarurl'], got['Tag_Profile_IM_Image']],
        ['gender', GENDER_TAG[attrs['gender'] ?? ''], got['Tag_Profile_IM_Gender']],
        ['sign', attrs['sign'], got['Tag_Profile_IM_SelfSignature']],
        [
          'birth',
          attrs['birth'] === undefined ? undefined : Number(attrs['birth'].replace(/[-/.]/g, '')),
          got['Tag_Profile_IM_BirthDay'],
        ],
        ...custom.map(([k, v]): [string, unknown, unknown] => [k, v, got[`Tag_Profile_Custom_${k}`]]),
      ]),
    );
  }

  for (const g of source.chatgroups) {
    const id = ids.groups.get(g.groupid);
    const got = id === undefined ? undefined : target.groups[id];
    t.check(
      'groups',
      g.groupid,
      !got
        ? 'no such group'
        : diff([
            ['name', g.groupname, got.Name],
            ['owner', g.owner, got.Owner_Account],
            ['description', g.description, got.Introduction],
            ['avatar', g.avatar, got.FaceUrl],
            ['created', sec(g.created), got.CreateTime],
            ['maxusers', g.maxusers, got.MaxMemberNum],
          ]),
    );
    const members = new Map((got?.MemberList ?? []).map((m) => [m.Member_Account, m]));
    for (const m of g.members) {
      const has = members.get(m.username);
      t.check(
        'members',
        `${g.groupid}→${m.username}`,
        !has
          ? 'not a member'
          : diff([
              ['role', ROLE[m.role], has.Role],
              ['joined', sec(m.joined_time), has.JoinTime],
            ]),
      );
    }
    for (const m of g.mutes) {
      const until = members.get(m.user)?.MuteUntil;
      const ok =
        m.expire === -1 ? until === FOREVER : until !== undefined && Math.abs(until - sec(m.expire)) <= 120;
      t.check('mutes', `${g.groupid}→${m.user}`, ok ? null : `muted until ${until}, source ${m.expire}`);
    }
  }

  for (const r of source.chatrooms) {
    const id = ids.rooms.get(r.id);
    const got = id === undefined ? undefined : target.groups[id];
    const members = new Set((got?.MemberList ?? []).map((m) => m.Member_Account));
    t.check(
      'chatrooms',
      r.id,
      !got
        ? 'no such room'
        : diff([
            ['type', 'ChatRoom', got.Type],
            ['name', r.name, got.Name],
            ['owner', r.owner, got.Owner_Account],
            // Easemob's room list gives id, name and owner, and no API gives the rest: no description travels.
            ['members', [...r.members].sort(), [...r.members].filter((m) => members.has(m)).sort()],
          ]),
    );
  }

  for (const [owner, friends] of Object.entries(source.contacts)) {
    const got = new Set((target.friends[owner] ?? []).map((f) => f.To_Account));
    for (const f of friends) t.check('contacts', `${owner}→${f}`, got.has(f) ? null : 'not a friend');
  }
  for (const [owner, blocked] of Object.entries(source.blocks)) {
    const got = new Set((target.blocks[owner] ?? []).map((b) => b.To_Account));
    for (const b of blocked) t.check('blocklists', `${owner}→${b}`, got.has(b) ? null : 'not blocked');
  }

  for (const [key, records] of Object.entries(source.history)) {
    const [type, rest = ''] = key.split(/:(.*)/s) as [string, string];
    const said = records.map((r) => ({ ...easemobSaid(r), at: sec(r.timestamp) }));
    const id = type === 'chat' ? undefined : (type === 'groupchat' ? ids.groups : ids.rooms).get(rest);
    const held: TencentHistoryRecord[] =
      type === 'chat' ? (target.c2c[rest] ?? []) : id === undefined ? [] : (target.groups[id]?.history ?? []);
    compareConversation(t, report, said, held.filter((r) => r.imported).map(tencentSaid), key);
  }
  return t.tally;
}

const GENDER_CODE: Record<string, string> = {
  Gender_Type_Unknown: '0',
  Gender_Type_Male: '1',
  Gender_Type_Female: '2',
};
const MEMBER_ROLE: Record<string, string> = { Owner: 'owner', Admin: 'admin', Member: 'member' };
const ROOM_TYPES = new Set(['ChatRoom', 'AVChatRoom']);

/** Tencent source → Easemob target. */
export function compareTencentToEasemob(
  source: TencentAppSnapshot,
  target: EasemobAppSnapshot,
  ids: { groups: Map<string, string>; rooms: Map<string, string> },
  report: Report,
  now: number,
): Tally {
  const t = new Tallies(report);
  const users = new Set(target.users.map((u) => u.username));
  for (const u of source.accounts) t.check('accounts', u, users.has(u) ? null : 'no such account');

  for (const [user, tags] of Object.entries(source.profiles)) {
    const got = target.metadata[user] ?? {};
    t.check(
      'profiles',
      user,
      diff([
        ['nick', tags['Tag_Profile_IM_Nick'], got['nickname']],
        ['image', tags['Tag_Profile_IM_Image'], got['avatarurl']],
        ['gender', GENDER_CODE[String(tags['Tag_Profile_IM_Gender'])], got['gender']],
        ['signature', tags['Tag_Profile_IM_SelfSignature'], got['sign']],
        ['birthday', String(tags['Tag_Profile_IM_BirthDay']), got['birth']],
      ]),
    );
  }

  const byId = (list: { groupid?: string; id?: string }[]) =>
    new Map(list.map((g) => [(g.groupid ?? g.id) as string, g]));
  const groups = byId(target.chatgroups) as Map<string, EasemobAppSnapshot['chatgroups'][number]>;
  const rooms = byId(target.chatrooms) as Map<string, EasemobAppSnapshot['chatrooms'][number]>;
  for (const [gid, g] of Object.entries(source.groups)) {
    if (ROOM_TYPES.has(g.Type)) {
      const got = rooms.get(ids.rooms.get(gid) ?? '');
      const members = new Set(got ? [got.owner, ...got.members] : []);
      // AVChatRoom members cannot be read (Tencent), so only the ChatRoom ones are compared.
      const expected = g.Type === 'ChatRoom' ? g.MemberList.map((m) => m.Member_Account) : [];
      t.check(
        'chatrooms',
        gid,
        !got
          ? 'no such room'
          : diff([
              ['name', g.Name, got.name],
              ['owner', g.Owner_Account, got.owner],
              ['introduction', g.Introduction, got.description],
              ['members', expected.sort(), expected.filter((m) => members.has(m)).sort()],
            ]),
      );
      continue;
    }
    const got = groups.get(ids.groups.get(gid) ?? '');
    t.check(
      'groups',
      gid,
      !got
        ? 'no such group'
        : diff([
            ['name', g.Name, got.groupname],
            ['owner', g.Owner_Account, got.owner],
            ['introduction', g.Introduction, got.description],
            ['face', g.FaceUrl, got.avatar],
            ['public', g.Type === 'Public', got.public],
            ['max', g.MaxMemberNum, got.maxusers],
          ]),
    );
    const members = new Map((got?.members ?? []).map((m) => [m.username, m]));
    const mutes = new Map((got?.mutes ?? []).map((m) => [m.user, m.expire]));
    for (const m of g.MemberList) {
      const has = members.get(m.Member_Account);
      // Easemob takes no join time: members join at import, so the join time is not compared.
      t.check(
        'members',
        `${gid}→${m.Member_Account}`,
        !has ? 'not a member' : diff([['role', MEMBER_ROLE[m.Role], has.role]]),
      );
      if (m.MuteUntil > sec(now)) {
        const expire = mutes.get(m.Member_Account);
        const ok =
          m.MuteUntil === FOREVER
            ? expire === -1
            : expire !== undefined && Math.abs(expire - m.MuteUntil * 1000) <= 120_000;
        t.check('mutes', `${gid}→${m.Member_Account}`, ok ? null : `muted until ${expire}`);
      }
    }
  }

  for (const [owner, friends] of Object.entries(source.friends)) {
    const got = new Set(target.contacts[owner] ?? []);
    for (const f of friends)
      t.check('contacts', `${owner}→${f.To_Account}`, got.has(f.To_Account) ? null : 'not a friend');
  }
  for (const [owner, blocked] of Object.entries(source.blocks)) {
    const got = new Set(target.blocks[owner] ?? []);
    for (const b of blocked)
      t.check('blocklists', `${owner}→${b.To_Account}`, got.has(b.To_Account) ? null : 'not blocked');
  }

  // Tencent times are whole seconds: the comparison is to that precision (the writer puts a message's
  // sequence in the milliseconds, so that Easemob keeps the order of one second's messages).
  const imported = (list: EasemobHistoryRecord[] | undefined) =>
    (list ?? [])
      .filter((r) => r.source === 'imported')
      .map((r) => ({ ...easemobSaid(r), at: sec(r.timestamp) }));
  const tencentIds = (r: TencentHistoryRecord, groupId?: string): Said => ({
    ...tencentSaid(r),
    id: groupId ? `${groupId}:${r.MsgSeq}` : `${r.MsgSeq}_${r.MsgRandom}_${r.MsgTimeStamp}`,
  });
  for (const [key, records] of Object.entries(source.c2c))
    compareConversation(
      t,
      report,
      records.map((r) => tencentIds(r)),
      imported(target.history[`chat:${key}`]),
      key,
    );
  for (const [gid, g] of Object.entries(source.groups)) {
    const room = ROOM_TYPES.has(g.Type);
    const id = (room ? ids.rooms : ids.groups).get(gid) ?? '';
    compareConversation(
      t,
      report,
      g.history.map((r) => tencentIds(r, gid)),
      imported(target.history[`${room ? 'chatroom' : 'groupchat'}:${id}`]),
      gid,
    );
  }
  return t.tally;
}

/**
 * Per kind, what must hold: nothing wrong, nothing reported that was carried, carried + reported = source,
 * the job read as many items as the source holds and reported as many as it skipped and failed.
 */
export function tallyProblems(tally: Tally, progress: Record<string, any>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [kind, t] of Object.entries(tally)) {
    const p = progress[kind];
    const problems = [
      ...t.wrong,
      ...t.reportedButCarried.slice(0, 5).map((id) => `${id}: reported, yet on the target`),
      ...(t.missing > t.wrong.length ? [`${t.missing - t.wrong.length} more wrong`] : []),
      ...(t.carried + t.reported !== t.source
        ? [`carried ${t.carried} + reported ${t.reported} ≠ source ${t.source}`]
        : []),
      ...(p.total !== t.source ? [`the job read ${p.total}, the source holds ${t.source}`] : []),
      ...(p.skipped + p.failed !== t.reported
        ? [`the job reports ${p.skipped + p.failed}, the comparison ${t.reported}`]
        : []),
      ...(t.carried === 0 ? ['nothing carried'] : []),
    ];
    if (problems.length > 0) out[kind] = problems;
  }
  return out;
}
