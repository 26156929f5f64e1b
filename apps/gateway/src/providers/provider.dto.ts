import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONVERSATION_TYPES,
  MESSAGE_CONTENT_TYPES,
  MODIFIABLE_PARTS,
  SEND_TARGET_TYPES,
  SENDABLE_CONTENT_TYPES,
} from '@im-gateway/types';

export class VendorApiLimitDto {
  @ApiProperty({ description: 'The vendor API the budget applies to.', example: 'messages/users' })
  api!: string;

  @ApiProperty({
    description: 'What is counted: calls, or messages (one per recipient).',
    enum: ['calls', 'messages'],
  })
  unit!: string;

  @ApiProperty({ description: 'How many units fit in the window.', example: 100 })
  points!: number;

  @ApiProperty({ description: 'The window, in seconds.', example: 1 })
  perSeconds!: number;
}

export class ProviderLimitsDto {
  @ApiProperty({
    description: 'Recipients per vendor call, by what is counted (users, groups, chatrooms).',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { users: 600, groups: 3, chatrooms: 10 },
  })
  batchSizes!: Readonly<Record<string, number>>;

  @ApiProperty({ description: 'The most members a targeted message (`options.recipients`) may name.' })
  maxTargetedRecipients!: number;

  @ApiProperty({ description: "The vendor's ceiling on one message's payload, in bytes." })
  maxMessageBytes!: number;

  @ApiProperty({ type: [VendorApiLimitDto], description: 'Per-app rate limits of the send and recall APIs.' })
  rateLimits!: readonly VendorApiLimitDto[];
}

export class SyncToSenderSupportDto {
  @ApiProperty({
    description: "Targets where the sender's devices can be sent a copy.",
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  on!: readonly string[];

  @ApiProperty({
    description: "Targets where the sender's devices can be left out.",
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  off!: readonly string[];
}

export class SendOptionSupportDto {
  @ApiProperty({
    description: 'Targets that take `options.priority`.',
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  priority!: readonly string[];

  @ApiProperty({
    description: 'Targets that take `options.recipients` (targeted messages).',
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  recipients!: readonly string[];

  @ApiProperty({
    description: 'Targets that take `options.onlineOnly: true`.',
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  onlineOnly!: readonly string[];

  @ApiProperty({
    type: SyncToSenderSupportDto,
    description: 'Where each value of `options.syncToSender` applies.',
  })
  syncToSender!: SyncToSenderSupportDto;

  @ApiProperty({
    description: 'Whether `to: { type: "chatroom", all: true }` (every chat room) is supported.',
  })
  broadcast!: boolean;
}

export class SendCapabilitiesDto {
  @ApiProperty({
    description: 'Target kinds a message can be sent to.',
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  targets!: readonly string[];

  @ApiProperty({
    description: 'Content types a message can carry.',
    enum: SENDABLE_CONTENT_TYPES,
    isArray: true,
  })
  contents!: readonly string[];

  @ApiProperty({
    description:
      'Content fields the vendor cannot carry, by content type; a send that sets one is refused (422).',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { image: ['format', 'variants'] },
  })
  unsupportedContentFields!: Readonly<Partial<Record<string, readonly string[]>>>;

  @ApiProperty({ type: SendOptionSupportDto, description: 'Which targets each send option applies to.' })
  options!: SendOptionSupportDto;
}

export class ReceiveCapabilitiesDto {
  @ApiProperty({
    description: 'Content types the vendor callbacks yield (any vendor may also yield `unknown`).',
    enum: MESSAGE_CONTENT_TYPES,
    isArray: true,
  })
  contents!: readonly string[];
}

export class RecallCapabilitiesDto {
  @ApiProperty({
    description: 'Target kinds whose messages can be recalled.',
    enum: SEND_TARGET_TYPES,
    isArray: true,
  })
  targets!: readonly string[];

  @ApiProperty({ description: 'Whether a chat-room broadcast can be recalled.' })
  broadcast!: boolean;
}

export class IdRuleDto {
  @ApiProperty({ description: 'The longest id, in UTF-8 bytes.', example: 64 })
  maxBytes!: number;

  @ApiPropertyOptional({
    description:
      'A regular expression (ECMAScript, `u` flag, anchored with ^…$) every id must match; absent when the vendor documents none.',
    example: '^[a-z0-9_.-]+$',
  })
  pattern?: string;

  @ApiProperty({
    description: 'The rule in words, as error messages give it.',
    example: 'a-z, 0-9, _ - . (lower case)',
  })
  description!: string;
}

export class IdRulesDto {
  @ApiProperty({ type: IdRuleDto, description: 'What a user id must be.' })
  user!: IdRuleDto;

  @ApiProperty({ type: IdRuleDto, description: 'What a group id must be.' })
  group!: IdRuleDto;

  @ApiProperty({ type: IdRuleDto, description: 'What a chat-room id must be.' })
  chatroom!: IdRuleDto;
}

export class BeforeCommandSupportDto {
  @ApiProperty({
    description: "The vendor's name for the before-callback, as events' `data.vendorKind` gives it.",
    example: 'C2C.CallbackBeforeSendMsg',
  })
  vendorKind!: string;

  @ApiProperty({
    description: 'The `.requested` event the command yields.',
    example: 'message.send.requested',
  })
  eventType!: string;

  @ApiProperty({ description: 'The vendor stops the operation when the gateway denies it.' })
  deny!: boolean;

  @ApiProperty({ description: "The sender is shown a deny's reason." })
  denyReason!: boolean;

  @ApiProperty({
    description:
      'What a modify may change: the text of text contents, any content, the ext. Empty: no modify.',
    enum: MODIFIABLE_PARTS,
    isArray: true,
  })
  modify!: readonly string[];
}

export class ConfigurableWaitDto {
  @ApiProperty({ description: 'The shortest wait accepted, in milliseconds.', example: 100 })
  minMs!: number;

  @ApiProperty({ description: 'The longest wait accepted, in milliseconds.', example: 10000 })
  maxMs!: number;
}

export class BeforeCallbackCapabilitiesDto {
  @ApiProperty({
    description: 'How long the vendor waits for an answer by default, in milliseconds.',
    example: 2000,
  })
  timeoutMs!: number;

  @ApiProperty({ description: 'What the vendor does when no answer comes in time, from its docs.' })
  onTimeout!: string;

  @ApiProperty({
    type: ConfigurableWaitDto,
    nullable: true,
    description:
      'The waits an app may set in the vendor’s console, in milliseconds (then tell the gateway with the before-policy’s `vendorWaitMs`); null: the wait is fixed at `timeoutMs`.',
  })
  configurableWait!: ConfigurableWaitDto | null;

  @ApiProperty({
    type: [BeforeCommandSupportDto],
    description: 'Every before-callback and the decisions it honours.',
  })
  commands!: readonly BeforeCommandSupportDto[];
}

export class ProviderCapabilitiesDto {
  @ApiProperty({
    description: 'Conversation kinds the vendor callbacks produce.',
    enum: CONVERSATION_TYPES,
    isArray: true,
  })
  conversations!: readonly string[];

  @ApiProperty({ type: SendCapabilitiesDto, description: 'What a send can target, carry and ask for.' })
  send!: SendCapabilitiesDto;

  @ApiProperty({ type: ReceiveCapabilitiesDto, description: 'What arrives from the vendor.' })
  receive!: ReceiveCapabilitiesDto;

  @ApiProperty({ type: RecallCapabilitiesDto, description: 'What can be recalled.' })
  recall!: RecallCapabilitiesDto;

  @ApiProperty({
    type: ProviderLimitsDto,
    description: "The vendor's batch sizes, payload ceiling and rate limits.",
  })
  limits!: ProviderLimitsDto;

  @ApiProperty({
    type: IdRulesDto,
    description:
      'What the vendor accepts as an id of each kind: used to validate mapping tables and ids before they reach the vendor.',
  })
  ids!: IdRulesDto;

  @ApiProperty({
    type: BeforeCallbackCapabilitiesDto,
    description: 'The before-callbacks the vendor sends and which decisions (deny, modify) each honours.',
  })
  before!: BeforeCallbackCapabilitiesDto;
}

export class ProviderResponseDto {
  @ApiProperty({ description: 'The name apps use in `provider` and callback URLs.', example: 'easemob' })
  name!: string;

  @ApiProperty({ description: 'A name for people.', example: 'Easemob' })
  displayName!: string;

  @ApiProperty({
    type: ProviderCapabilitiesDto,
    description: 'What the vendor supports, as the provider declares it.',
  })
  capabilities!: ProviderCapabilitiesDto;
}

export class ProviderListResponseDto {
  @ApiProperty({ type: [ProviderResponseDto], description: 'Every provider the gateway runs, by name.' })
  data!: ProviderResponseDto[];
}
