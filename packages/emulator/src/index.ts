export { startEasemobEmulator } from './easemob/easemob.emulator.js';
export type { EasemobEmulator, EasemobFireOptions } from './easemob/easemob.emulator.js';
export type {
  EasemobAppConfig,
  EasemobEmulatorOptions,
  EasemobHistoryRecord,
} from './easemob/easemob.types.js';
export type {
  EasemobAppSnapshot,
  EasemobSeed,
  EasemobSeedGroup,
  EasemobSeedRoom,
} from './easemob/easemob-seed.js';
export { historyKey as easemobHistoryKey } from './easemob/easemob-seed.js';
export { generateEasemobSeed } from './easemob/easemob-seed.generator.js';
export { DEFAULT_SEED_SPEC, prng, type SeedSpec } from './seed/seed-spec.js';
export { startTencentEmulator } from './tencent/tencent.emulator.js';
export type { TencentEmulator, TencentFireOptions } from './tencent/tencent.emulator.js';
export type {
  TencentAppConfig,
  TencentEmulatorOptions,
  TencentFriend,
  TencentHistoryRecord,
  TencentJoinApplication,
  TencentMember,
  TencentOfficialAccount,
  TencentTopic,
} from './tencent/tencent.types.js';
export type {
  TencentAppSnapshot,
  TencentSeed,
  TencentSeedC2CMessage,
  TencentSeedGroup,
  TencentSeedGroupMessage,
  TencentTagValue,
} from './tencent/tencent-seed.js';
export { generateTencentSeed } from './tencent/tencent-seed.generator.js';
export { parseSeedSpec } from './seed/seed-flags.js';
export type { EmulatorHandle } from './common/emulator-server.js';
export type { FaultSpec } from './common/fault-injector.js';
export type { RecordedMessage, MessageFilter } from './common/message-store.js';
export type { CallbackAttempt } from './common/callback-sender.js';
export type { CallbackFaultSpec, DroppedCallback } from './common/callback-faults.js';
export type { BeforeExchange } from './common/before-callback.js';
export type { EasemobClientMessage, EasemobClientSendResult } from './easemob/easemob-client-send.js';
export { TENCENT_BEFORE_COMMANDS, type TencentBeforeCommand } from './tencent/tencent-before-callback.js';
export {
  ClientOperationError,
  TENCENT_CLIENT_OPERATIONS,
  type TencentClientOperation,
} from './tencent/tencent-client-ops.js';
