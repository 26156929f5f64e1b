import { prng, type SeedSpec } from '../seed/seed-spec.js';
import type { EasemobHistoryRecord } from './easemob.types.js';
import type { EasemobSeed, EasemobSeedGroup, EasemobSeedRoom } from './easemob-seed.js';

const HOUR = 3_600_000;
// The export reaches back 3 days (migration facts §2.11): generated history stays inside it.
const READABLE_HOURS = 72;
const FILES = 'https://files.example.test/chatfiles';

const pad = (n: number) => String(n).padStart(6, '0');
const userId = (i: number) => `user${pad(i)}`;

/** One body of each type Easemob has (send API shapes, §2.3 of the send facts), chosen by `n`. */
function body(n: number, text: string): Record<string, unknown> {
  switch (n % 8) {
    case 0:
      return { type: 'txt', msg: text };
    case 1:
      return {
        type: 'img',
        url: `${FILES}/${n}.png`,
        filename: `${n}.png`,
        secret: `s${n}`,
        size: { width: 480, height: 640 },
        file_length: 1000 + n,
      };
    case 2:
      return {
        type: 'audio',
        url: `${FILES}/${n}.amr`,
        filename: `${n}.amr`,
        secret: `s${n}`,
        length: 1 + (n % 60),
        file_length: 2000 + n,
      };
    case 3:
      return {
        type: 'video',
        url: `${FILES}/${n}.mp4`,
        filename: `${n}.mp4`,
        secret: `s${n}`,
        length: 1 + (n % 30),
        file_length: 50_000 + n,
        thumb: `${FILES}/${n}.jpg`,
        thumb_secret: `t${n}`,
      };
    case 4:
      return {
        type: 'file',
        url: `${FILES}/${n}.txt`,
        filename: `${n}.txt`,
        secret: `s${n}`,
        file_length: 10 + n,
      };
    case 5:
      return {
        type: 'loc',
        lat: String(39.9 + (n % 100) / 1000),
        lng: String(116.3 + (n % 100) / 1000),
        addr: `place ${n}`,
      };
    case 6:
      return { type: 'cmd', action: `action${n % 5}` };
    default:
      return {
        type: 'custom',
        customEvent: 'gift',
        customExts: { sku: `sku${n % 7}`, count: String(1 + (n % 3)) },
      };
  }
}

/**
 * A deterministic Easemob seed of `spec`'s size: users with profiles, friendships on both sides,
 * blocklists, groups with owner, admins, members, join times and mutes, chat rooms, and history of every
 * message type in direct, group and room chats, oldest first, inside the export's window before `spec.now`.
 */
export function generateEasemobSeed(spec: SeedSpec): EasemobSeed {
  const random = prng(spec.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const n = spec.accounts;
  const windowMs = Math.min(spec.windowHours, READABLE_HOURS) * HOUR;
  const historyStart = spec.now - windowMs;
  // Everything but history exists before the window opens, so group history is newer than its group.
  const directoryStart = historyStart - HOUR - n * 1000 - (spec.groups + spec.chatrooms) * 60_000;

  const users = Array.from({ length: n }, (_, i) => ({
    username: userId(i + 1),
    password: `pw-${spec.seed}-${i + 1}`,
    created: directoryStart + i * 1000,
  }));
  const metadata: Record<string, Record<string, string>> = {};
  for (const [i, u] of users.entries()) {
    metadata[u.username] = {
      nickname: `User ${i + 1}`,
      avatarurl: `https://avatars.example.test/${u.username}.png`,
      gender: String(i % 3),
      sign: `sign of ${u.username}`,
      birth: `199${i % 10}-0${1 + (i % 9)}-1${i % 10}`,
      phone: `1380000${String(i).padStart(4, '0')}`,
      mail: `${u.username}@example.test`,
      ext: JSON.stringify({ level: i % 5 }),
    };
  }

  // Friendships with the next ⌈k/2⌉ users, recorded on both sides.
  const contacts: Record<string, string[]> = {};
  const half = Math.ceil(spec.contactsPerUser / 2);
  for (let i = 0; i < n; i++) {
    for (let d = 1; d <= half && d < n; d++) {
      const a = userId(i + 1);
      const b = userId(((i + d) % n) + 1);
      if (a === b || contacts[a]?.includes(b)) continue;
      (contacts[a] ??= []).push(b);
      (contacts[b] ??= []).push(a);
    }
  }
  const blocks: Record<string, string[]> = {};
  for (let i = 0; i < n && n > 2; i++) {
    for (let j = 0; j < spec.blocksPerUser; j++) {
      const other = userId(((i + Math.floor(n / 2) + j) % n) + 1);
      if (other !== userId(i + 1) && !blocks[userId(i + 1)]?.includes(other))
        (blocks[userId(i + 1)] ??= []).push(other);
    }
  }

  const distinctUsers = (count: number) => {
    const chosen = new Set<string>();
    const want = Math.min(count, n);
    while (chosen.size < want) chosen.add(userId(pick(n) + 1));
    return [...chosen];
  };

  const chatgroups: EasemobSeedGroup[] = [];
  for (let g = 0; g < spec.groups; g++) {
    const created = directoryStart + n * 1000 + g * 60_000;
    const [owner = userId(1), ...rest] = distinctUsers(Math.max(1, spec.membersPerGroup));
    const admins = rest.slice(0, spec.adminsPerGroup);
    const muted = rest.slice(admins.length, admins.length + spec.mutesPerGroup);
    chatgroups.push({
      groupid: String(100_000_000_000_000 + g + 1),
      groupname: `group ${g + 1}`,
      description: `description of group ${g + 1}`,
      avatar: `https://avatars.example.test/group${g + 1}.png`,
      public: g % 2 === 0,
      membersonly: g % 3 === 0,
      allowinvites: g % 4 === 0,
      maxusers: 200,
      owner,
      created,
      custom: JSON.stringify({ topic: `t${g % 9}` }),
      mute: g % 10 === 9,
      members: rest.map((username, k) => ({ username, joined_time: created + (k + 1) * 1000 })),
      admins,
      // Every other mute is for ever; the others end a day after `now`.
      mutes: muted.map((user, k) => ({ user, expire: k % 2 === 0 ? spec.now + 24 * HOUR : -1 })),
    });
  }

  const chatrooms: EasemobSeedRoom[] = [];
  for (let r = 0; r < spec.chatrooms; r++) {
    const [owner = userId(1), ...members] = distinctUsers(Math.max(1, spec.membersPerChatroom));
    chatrooms.push({
      id: String(200_000_000_000_000 + r + 1),
      name: `room ${r + 1}`,
      description: `description of room ${r + 1}`,
      maxusers: 1000,
      owner,
      created: directoryStart + n * 1000 + (spec.groups + r) * 60_000,
      custom: JSON.stringify({ hall: r % 3 }),
      members,
      admins: members.slice(0, 1),
    });
  }

  const messages: Omit<EasemobHistoryRecord, 'source'>[] = [];
  const step = Math.max(1, Math.floor(windowMs / (spec.messages + 1)));
  for (let i = 0; i < spec.messages; i++) {
    const timestamp = historyStart + (i + 1) * step;
    const roll = random();
    let chatType: EasemobHistoryRecord['chat_type'] = 'chat';
    let from: string;
    let to: string;
    if (roll < 0.3 && chatgroups.length > 0) {
      const g = chatgroups[pick(chatgroups.length)]!;
      const everyone = [g.owner, ...g.members.map((m) => m.username)];
      chatType = 'groupchat';
      from = everyone[pick(everyone.length)]!;
      to = g.groupid;
    } else if (roll < 0.4 && chatrooms.length > 0) {
      const r = chatrooms[pick(chatrooms.length)]!;
      const everyone = [r.owner, ...r.members];
      chatType = 'chatroom';
      from = everyone[pick(everyone.length)]!;
      to = r.id;
    } else {
      const [a = userId(1), b = userId(Math.min(2, n))] = distinctUsers(2);
      from = a;
      to = b;
    }
    const bodies = [body(i, `message ${i + 1}`)];
    const ext: Record<string, unknown> = i % 5 === 0 ? { seq: i } : {};
    messages.push({
      // 18–19 digits like the vendor's ids, unique and increasing with time.
      msg_id: ((BigInt(timestamp) << 20n) + BigInt(i % 1_000_000)).toString(),
      timestamp,
      direction: 'outgoing',
      to,
      from,
      chat_type: chatType,
      payload: { bodies, ext, from, to },
    });
  }
  return { users, metadata, contacts, blocks, chatgroups, chatrooms, messages };
}
