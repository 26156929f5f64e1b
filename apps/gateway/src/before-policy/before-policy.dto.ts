import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import type { BeforeDecision } from '@im-gateway/types';
import { BeforeRuleDto } from './before-rules.dto.js';

export class BeforePolicyDecisionEndpointDto {
  @ApiProperty({
    description:
      'Where the gateway POSTs the `.requested` event, signed like webhooks, when no rule decides. Same address rules as webhook endpoints (private addresses need ENDPOINTS_ALLOW_PRIVATE).',
    example: 'https://example.com/im/decide',
  })
  @IsString()
  url!: string;

  @ApiProperty({
    description:
      'How long the gateway waits for the answer, in ms: at most the vendor’s wait (`vendorWaitMs` when set, else `capabilities.before.timeoutMs` of GET /v1/providers) less 50 ms. After it, `onError` decides.',
    example: 800,
  })
  @IsInt()
  @Min(1)
  timeoutMs!: number;
}

export class BeforePolicyPutDto {
  @ApiProperty({
    type: [BeforeRuleDto],
    description:
      'Ordered rules: the first whose match fits decides. Empty: only the endpoint (or allow) decides.',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BeforeRuleDto)
  rules!: BeforeRuleDto[];

  @ApiPropertyOptional({
    type: BeforePolicyDecisionEndpointDto,
    nullable: true,
    description: 'Asked when no rule matches; absent or null: none, and such operations are allowed.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BeforePolicyDecisionEndpointDto)
  decisionEndpoint?: BeforePolicyDecisionEndpointDto | null;

  @ApiProperty({
    description: 'What applies when the decision endpoint is slow, down or answers garbage.',
    enum: ['allow', 'deny'],
  })
  @IsIn(['allow', 'deny'])
  onError!: 'allow' | 'deny';

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'The wait set in the vendor’s console for these callbacks, in ms, when it is not the vendor’s default: the decision endpoint’s `timeoutMs` may then be up to this less 50 ms. Only for a vendor whose wait is configurable (`capabilities.before.configurableWait` of GET /v1/providers), within its range; absent or null: the default wait. Setting it does not change the console: set the same wait there, or the vendor gives up before the gateway answers.',
    example: 3000,
  })
  @IsOptional()
  @IsInt()
  vendorWaitMs?: number | null;
}

export class BeforePolicyResponseDto {
  @ApiProperty({ type: [BeforeRuleDto], description: 'Ordered rules.' }) rules!: BeforeRuleDto[];
  @ApiProperty({
    type: BeforePolicyDecisionEndpointDto,
    nullable: true,
    description: 'The decision endpoint (its secret is never shown here), or null.',
  })
  decisionEndpoint!: BeforePolicyDecisionEndpointDto | null;
  @ApiProperty({ description: 'What applies when the endpoint gives no decision.', enum: ['allow', 'deny'] })
  onError!: 'allow' | 'deny';
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The wait set in the vendor’s console, in ms; null: the vendor’s default wait.',
  })
  vendorWaitMs!: number | null;
  @ApiProperty({ description: 'Raised by every change, secret rotation included.' }) version!: number;
  @ApiProperty({ description: 'Last change.' }) updatedAt!: string;
}

export class BeforePolicySavedResponseDto extends BeforePolicyResponseDto {
  @ApiPropertyOptional({
    description:
      'The decision endpoint’s signing secret (`whsec_…`), shown only when this change gave the policy its first endpoint; POST …/before-policy/secret makes a new one.',
  })
  secret?: string;
}

export class BeforePolicySecretResponseDto {
  @ApiProperty({
    description: 'The new signing secret (`whsec_` + base64); the previous one stops signing at once.',
  })
  secret!: string;
}

export class BeforePolicyDryRunDto {
  @ApiProperty({
    description:
      'A unified `.requested` event, as the gateway would publish it (at least `type`; `conversation`, `actor` and `message` as the rules need).',
    type: 'object',
    additionalProperties: true,
    example: {
      type: 'message.send.requested',
      conversation: { type: 'group', id: 'g1' },
      message: {
        id: 'm1',
        from: 'alice',
        to: 'g1',
        sentAt: '2026-01-01T00:00:00.000Z',
        contents: [{ type: 'text', text: 'hi' }],
      },
      data: {},
    },
  })
  @IsObject()
  event!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: BeforePolicyPutDto,
    description: 'An unsaved policy to try, checked as PUT checks it; absent: the stored one.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BeforePolicyPutDto)
  policy?: BeforePolicyPutDto;

  @ApiPropertyOptional({
    description:
      'Ask the decision endpoint when no rule matches, as a real callback would (a signed POST within its `timeoutMs`; `onError` when it gives no decision). Default false: the endpoint is not called.',
  })
  @IsOptional()
  @IsBoolean()
  callEndpoint?: boolean;
}

export class BeforePolicyDryRunResponseDto {
  @ApiProperty({
    description:
      'The decision: `{ action: "allow" }`, `{ action: "deny", reason? }` or `{ action: "modify", message: { contents, ext } }` (the whole message as it would be delivered).',
    type: 'object',
    additionalProperties: true,
  })
  decision!: BeforeDecision;
  @ApiProperty({ description: 'The rule that decided, or null.', nullable: true, type: String })
  ruleId!: string | null;
  @ApiProperty({
    description:
      '`rule`: a rule decided; `endpoint`: the decision endpoint did (`callEndpoint`); `fallback`: it gave no decision and `onError` applied; `default`: nothing decided and the operation would be allowed.',
    enum: ['rule', 'endpoint', 'fallback', 'default'],
  })
  source!: 'rule' | 'endpoint' | 'fallback' | 'default';
  @ApiPropertyOptional({
    description:
      'For `fallback`: why the endpoint gave no decision (`timeout`, `unreachable`, `invalid_answer`, `status_<code>`).',
  })
  error?: string;
  @ApiPropertyOptional({ description: 'When the endpoint was asked: how long it took, in ms.' })
  tookMs?: number;
  @ApiProperty({
    description:
      'No rule matched and the policy has a decision endpoint: in a real callback, the endpoint would decide (a dry run does not call it).',
  })
  endpointWouldDecide!: boolean;
}
