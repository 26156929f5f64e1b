/**
 * The size and shape of a generated directory and history, for rehearsing a migration offline. Each vendor
 * emulator turns one spec into its own native seed (`generateEasemobSeed`, `generateTencentSeed`); the
 * same spec and `seed` always give the same data.
 */
export interface SeedSpec {
  /** Users, each with a profile. */
  accounts: number;
  /** Groups, each with an owner, `admins` admins, members and `mutes` muted members. */
  groups: number;
  membersPerGroup: number;
  adminsPerGroup: number;
  mutesPerGroup: number;
  chatrooms: number;
  membersPerChatroom: number;
  /** Friends per user (each friendship is listed on both sides) and blocked users per user. */
  contactsPerUser: number;
  blocksPerUser: number;
  /** History messages, of every content type the vendor has, spread over direct, group and room chats. */
  messages: number;
  /** History lies in the `windowHours` hours before `now` (epoch ms), oldest first. */
  now: number;
  windowHours: number;
  /** PRNG seed. */
  seed: number;
}

export const DEFAULT_SEED_SPEC: SeedSpec = {
  accounts: 5_000,
  groups: 200,
  membersPerGroup: 20,
  adminsPerGroup: 2,
  mutesPerGroup: 1,
  chatrooms: 20,
  membersPerChatroom: 10,
  contactsPerUser: 4,
  blocksPerUser: 1,
  messages: 50_000,
  now: Date.UTC(2026, 11, 6, 0, 0, 0),
  windowHours: 48,
  seed: 1,
};

/** A small deterministic PRNG (mulberry32): generated seeds must not change between runs or machines. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
