import { prng, type SeedSpec } from '../seed/seed-spec.js';
import type {
  TencentSeed,
  TencentSeedC2CMessage,
  TencentSeedGroup,
  TencentSeedGroupMessage,
} from './tencent-seed.js';

const FILES = 'https://files.example.test/tencent';
const GENDERS = ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'];

/** The eight element types, as a REST sender gives them (Download_Flag 2, URLs and sizes). */
function element(type: number, n: number): Record<string, unknown> {
  switch (type % 8) {
    case 0:
      return { MsgType: 'TIMTextElem', MsgContent: { Text: `message ${n} 你好` } };
    case 1:
      return { MsgType: 'TIMFaceElem', MsgContent: { Index: n % 50, Data: `face${n % 7}` } };
    case 2:
      return {
        MsgType: 'TIMLocationElem',
        MsgContent: { Desc: `place ${n}`, Latitude: 39.9 + (n % 100) / 1000, Longitude: 116.3 },
      };
    case 3:
      return {
        MsgType: 'TIMCustomElem',
        MsgContent: { Data: JSON.stringify({ n }), Desc: 'custom', Ext: 'x', Sound: 'ding.caf' },
      };
    case 4:
      return {
        MsgType: 'TIMImageElem',
        MsgContent: {
          UUID: `img${n}`,
          ImageFormat: 3,
          ImageInfoArray: [{ Type: 1, Size: 1000 + n, Width: 640, Height: 480, URL: `${FILES}/${n}.png` }],
        },
      };
    case 5:
      return {
        MsgType: 'TIMSoundElem',
        MsgContent: { Url: `${FILES}/${n}.amr`, UUID: `snd${n}`, Size: 2000, Second: 3, Download_Flag: 2 },
      };
    case 6:
      return {
        MsgType: 'TIMFileElem',
        MsgContent: {
          Url: `${FILES}/${n}.txt`,
          UUID: `file${n}`,
          FileSize: 10,
          FileName: `${n}.txt`,
          Download_Flag: 2,
        },
      };
    default:
      return {
        MsgType: 'TIMVideoFileElem',
        MsgContent: {
          VideoUrl: `${FILES}/${n}.mp4`,
          VideoUUID: `vid${n}`,
          VideoSize: 5000,
          VideoSecond: 5,
          VideoFormat: 'mp4',
          VideoDownloadFlag: 2,
          ThumbUrl: `${FILES}/${n}.jpg`,
          ThumbUUID: `thumb${n}`,
          ThumbSize: 100,
          ThumbWidth: 360,
          ThumbHeight: 480,
          ThumbFormat: 'jpg',
          ThumbDownloadFlag: 2,
        },
      };
  }
}

const userId = (i: number) => `user${String(i).padStart(5, '0')}`;

/**
 * A deterministic Tencent seed of `spec`'s size: profiles, two-way friendships, blocks of non-friends, groups
 * (Public and Private) with owner, admins, members, join times and mutes, chat rooms (ChatRoom groups, and
 * AVChatRoom ones, which keep no history), and history of every element type (group and chat room history
 * only the four types groups take), all within the `windowHours` before `spec.now`, oldest first.
 */
export function generateTencentSeed(spec: SeedSpec): TencentSeed {
  const random = prng(spec.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const now = Math.floor(spec.now / 1000);
  const windowStart = now - spec.windowHours * 3600;
  const n = spec.accounts;
  const Accounts = Array.from({ length: n }, (_, i) => userId(i));
  const Profiles = Accounts.map((id, i) => ({
    From_Account: id,
    ProfileItem: [
      { Tag: 'Tag_Profile_IM_Nick', Value: `Nick ${i}` },
      { Tag: 'Tag_Profile_IM_Gender', Value: GENDERS[i % 3] },
      { Tag: 'Tag_Profile_IM_Image', Value: `${FILES}/avatar${i}.png` },
      { Tag: 'Tag_Profile_IM_SelfSignature', Value: `sign ${i}` },
      { Tag: 'Tag_Profile_IM_BirthDay', Value: 19900101 + (i % 28) },
      { Tag: 'Tag_Profile_Custom_City', Value: `city${i % 10}` },
    ],
  }));
  // Friends i±1…i±k (both sides listed); blocks further away, so no block removes a friendship.
  const half = Math.ceil(spec.contactsPerUser / 2);
  const friendOffsets = Array.from({ length: half }, (_, k) => k + 1).filter((k) => 2 * k < n);
  const Friends = Accounts.map((id, i) => ({
    From_Account: id,
    AddFriendItem: friendOffsets.flatMap((k) =>
      [(i + k) % n, (i - k + n) % n].map((j, side) => ({
        To_Account: userId(j),
        AddSource: 'AddSource_Type_Android',
        ...(side === 0 ? { Remark: `friend ${j}` } : {}),
        ...(k === 1 ? { GroupName: ['close'] } : {}),
        AddTime: windowStart - 86_400 - k * 60 - (i % 60),
      })),
    ),
  })).filter((f) => f.AddFriendItem.length > 0);
  const blockOffsets = Array.from({ length: spec.blocksPerUser }, (_, b) => half + 2 + b).filter(
    (o) => 2 * o < n,
  );
  const BlackLists = Accounts.map((id, i) => ({
    From_Account: id,
    BlackListItem: blockOffsets.map((o) => ({
      To_Account: userId((i + o) % n),
      AddBlackTimeStamp: windowStart - 3600 - o,
    })),
  })).filter((b) => b.BlackListItem.length > 0);

  const members = (size: number): string[] => {
    const set = new Set<string>();
    while (set.size < Math.min(size, n)) set.add(userId(pick(n)));
    return [...set];
  };
  const Groups: TencentSeedGroup[] = [];
  const room = (g: number) => g >= spec.groups;
  for (let g = 0; g < spec.groups + spec.chatrooms; g++) {
    const chatroom = room(g);
    const ids = members(chatroom ? spec.membersPerChatroom : spec.membersPerGroup);
    const created = windowStart - 86_400 * (2 + (g % 5)) - pick(3600);
    const [owner, ...rest] = ids;
    const admins = chatroom ? 1 : spec.adminsPerGroup;
    const mutes = chatroom ? 0 : spec.mutesPerGroup;
    Groups.push({
      GroupId: chatroom ? `room${g - spec.groups}` : `group${g}`,
      Type: chatroom ? (g % 2 === 0 ? 'ChatRoom' : 'AVChatRoom') : g % 2 === 0 ? 'Public' : 'Private',
      Name: chatroom ? `Room ${g - spec.groups}` : `Group ${g}`,
      ...(owner !== undefined ? { Owner_Account: owner } : {}),
      CreateTime: created,
      Introduction: `intro ${g}`,
      Notification: `notice ${g}`,
      FaceUrl: `${FILES}/g${g}.png`,
      MaxMemberNum: 2000,
      ApplyJoinOption: g % 3 === 0 ? 'FreeAccess' : 'NeedPermission',
      MuteAllMember: 'Off',
      AppDefinedData: [],
      MemberList: [
        ...(owner !== undefined
          ? [{ Member_Account: owner, Role: 'Owner' as const, JoinTime: created }]
          : []),
        ...rest.map((m, r) => ({
          Member_Account: m,
          Role: r < admins ? ('Admin' as const) : ('Member' as const),
          JoinTime: created + 60 + r,
          // The last `mutes` members: muted until 12 hours after `now`, or for ever for the first of them.
          ...(r >= rest.length - mutes
            ? { MuteUntil: r === rest.length - mutes ? 4_294_967_295 : now + 43_200 }
            : {}),
        })),
      ],
    });
  }
  const withHistory = Groups.filter((g) => g.Type !== 'AVChatRoom' && g.MemberList.length > 0);
  const C2CMsgList: TencentSeedC2CMessage[] = [];
  const GroupMsgList: TencentSeedGroupMessage[] = [];
  const span = spec.windowHours * 3600 - 60;
  for (let i = 0; i < spec.messages; i++) {
    // Oldest first, spread evenly over the window (several may share a second).
    const time = windowStart + 30 + Math.floor((i * span) / Math.max(1, spec.messages));
    const ccd = i % 5 === 0 ? { CloudCustomData: JSON.stringify({ seq: i }) } : {};
    if (withHistory.length === 0 || i % 2 === 0 || n < 2) {
      const from = pick(n);
      const to = (from + 1 + pick(n - 1)) % n;
      C2CMsgList.push({
        From_Account: userId(from),
        To_Account: userId(to),
        MsgTimestamp: time,
        MsgSeq: 1 + pick(0x7fffffff),
        MsgRandom: pick(0xffffffff),
        MsgBody: [element(C2CMsgList.length, i)],
        ...ccd,
      });
    } else {
      const group = withHistory[pick(withHistory.length)] as TencentSeedGroup;
      const sender = group.MemberList[pick(group.MemberList.length)]?.Member_Account as string;
      GroupMsgList.push({
        GroupId: group.GroupId,
        From_Account: sender,
        MsgTimestamp: time,
        MsgRandom: pick(0xffffffff),
        MsgBody: [element(GroupMsgList.length % 4, i)],
        ...ccd,
      });
    }
  }
  return { Accounts, Profiles, Friends, BlackLists, Groups, C2CMsgList, GroupMsgList };
}
