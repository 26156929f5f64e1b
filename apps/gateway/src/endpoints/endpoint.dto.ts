import { validateHeaderName, validateHeaderValue } from 'node:http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { isEventTypePattern } from '@im-gateway/types';
import { IsOmittable } from '../common/omittable.validator.js';
import { DESTINATION_TYPES, type DestinationType } from './destinations/destination.js';
import { IsTimestamp } from '../common/timestamp.validator.js';

/** Each entry is `*`, a unified event type, or a prefix pattern (`message.*`) that matches at least one type. */
function IsEventTypePatterns(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isEventTypePatterns',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          'eventTypes must be event types or patterns that match some, such as message.* or group.member.*',
        ...options,
      },
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(isEventTypePattern),
      },
    });
}

const RESERVED_HEADERS =
  /^(content-type|content-length|host|connection|transfer-encoding|user-agent|webhook-.*)$/i;

/**
 * Whether Node's HTTP client would send this header: its own rule (visible ASCII, Latin-1, tab and space in
 * the value; a token for the name), so a header accepted here can never make every delivery throw later.
 */
function sendableHeader(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

/** Static headers: valid names, string values, none that the delivery itself sets. */
function IsStaticHeaders(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStaticHeaders',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          'headers must map header names to strings Node can send (visible ASCII or Latin-1, no control characters), at most 20, without content-type, host, user-agent or webhook-*',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 20 &&
          Object.entries(value).every(
            ([k, v]) =>
              /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(k) &&
              !RESERVED_HEADERS.test(k) &&
              typeof v === 'string' &&
              v.length <= 1000 &&
              sendableHeader(k, v),
          ),
      },
    });
}

/**
 * A broker destination's settings; which fields apply depends on the endpoint's `type`. Checked by the
 * service (`invalid_destination` names the field), as the rules depend on the type.
 */
export class EndpointDestinationDto {
  @ApiPropertyOptional({
    description: '`rabbitmq`: the exchange published to (`""`, the default exchange, routes by queue name).',
    example: 'im-events',
  })
  exchange?: string;

  @ApiPropertyOptional({
    description:
      '`rabbitmq`: routing-key template; placeholders `{type}`, `{appId}`, `{conversationType}`, `{conversationId}` (default `{type}`).',
    example: '{appId}.{type}',
  })
  routingKey?: string;

  @ApiPropertyOptional({
    description: '`nats`: subject template, same placeholders (default `imgw.{appId}.{type}`).',
    example: 'im.{appId}.{type}',
  })
  subject?: string;

  @ApiPropertyOptional({
    description: '`nats`: the JetStream stream that must store the messages.',
    example: 'IM',
  })
  stream?: string;

  @ApiPropertyOptional({
    description: '`redis-stream`: the stream key XADD appends to.',
    example: 'im:events',
  })
  streamKey?: string;

  @ApiPropertyOptional({
    description: '`redis-stream`: approximate cap on the stream length (`MAXLEN ~`); absent = unbounded.',
    example: 100000,
  })
  maxLen?: number;
}

export class EndpointCreateDto {
  @ApiPropertyOptional({
    description:
      'Where events go: `http` (POST, the default), `rabbitmq` (publish to an exchange with publisher confirms), `nats` (JetStream publish) or `redis-stream` (XADD).',
    enum: DESTINATION_TYPES,
  })
  @IsOptional()
  @IsIn(DESTINATION_TYPES)
  type?: DestinationType;

  @ApiProperty({
    description:
      'Where events are delivered. `http`: an http(s) URL they are POSTed to; `rabbitmq`: `amqp://` or `amqps://`; `nats`: `nats://` or `tls://`; `redis-stream`: `redis://` or `rediss://`. Broker credentials in the URL are sealed and never returned. Private addresses need ENDPOINTS_ALLOW_PRIVATE; a broker must accept a connection at creation.',
    example: 'https://example.com/webhooks/im',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ description: 'Broker settings (not for `http`).', type: EndpointDestinationDto })
  @IsOptional()
  @IsObject()
  destination?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Event types or patterns to receive (`message.*`, `group.member.*`); empty or absent = every type.',
    example: ['message.*'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsEventTypePatterns()
  eventTypes?: string[];

  @ApiPropertyOptional({ description: 'A note for people.', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    description: 'A disabled endpoint receives nothing; events meanwhile are not queued for it.',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    description: 'Static headers sent with every delivery (e.g. an authorization for the receiver).',
    example: { 'x-tenant': 'shop' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  @IsStaticHeaders()
  headers?: Record<string, string>;

  @ApiPropertyOptional({
    description:
      '`conversation`: events of one conversation are delivered one at a time, in the order they occurred; `none` (default): as fast as possible.',
    enum: ['none', 'conversation'],
  })
  @IsOptional()
  @IsIn(['none', 'conversation'])
  ordering?: 'none' | 'conversation';

  @ApiPropertyOptional({
    description:
      'Leave out events a migration bridge caused (`data.relay` set), so each logical message is delivered once across both vendors. Default: true when the app is on a bridge, else false.',
  })
  @IsOptional()
  @IsBoolean()
  excludeRelayed?: boolean;
}

export class EndpointUpdateDto {
  @ApiPropertyOptional({ description: 'New URL (checked like on create; the type stays).' })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({
    description: 'New broker settings, replacing the old ones (checked like on create).',
    type: EndpointDestinationDto,
  })
  @IsOmittable()
  @IsObject()
  destination?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'New event type patterns; empty = every type.', type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsEventTypePatterns()
  eventTypes?: string[];

  @ApiPropertyOptional({ description: 'New note.' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    description: 'Pause (true) or resume (false) deliveries; resuming clears the reason it was disabled.',
  })
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    description: 'Replaces the static headers.',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOmittable()
  @IsObject()
  @IsStaticHeaders()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Delivery ordering.', enum: ['none', 'conversation'] })
  @IsOmittable()
  @IsIn(['none', 'conversation'])
  ordering?: 'none' | 'conversation';

  @ApiPropertyOptional({
    description:
      'Leave out events a migration bridge caused (`data.relay` set), so each logical message is delivered once across both vendors. ',
  })
  @IsOmittable()
  @IsBoolean()
  excludeRelayed?: boolean;
}

export class EndpointResponseDto {
  @ApiProperty({ description: 'Endpoint id.' }) id!: string;
  @ApiProperty({ description: 'The app it belongs to.' }) appId!: string;
  @ApiProperty({ description: 'Destination type.', enum: DESTINATION_TYPES }) type!: DestinationType;
  @ApiProperty({ description: 'Delivery URL; a broker password shows as `[redacted]`.' }) url!: string;
  @ApiProperty({
    description: 'Broker settings (null for `http`).',
    type: EndpointDestinationDto,
    nullable: true,
  })
  destination!: Record<string, unknown> | null;
  @ApiProperty({ description: 'Event type patterns; empty = every type.', type: [String] })
  eventTypes!: string[];
  @ApiProperty({ description: 'A note for people.' }) description!: string;
  @ApiProperty({ description: 'Whether deliveries are paused.' }) disabled!: boolean;
  @ApiProperty({
    description: 'Why the gateway disabled it (410 Gone, failing for too long), if it did.',
    nullable: true,
    type: String,
  })
  disabledReason!: string | null;
  @ApiProperty({
    description: 'Static headers sent with every delivery.',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  headers!: Record<string, string>;
  @ApiProperty({ description: 'Delivery ordering.', enum: ['none', 'conversation'] }) ordering!: string;
  @ApiProperty({ description: 'Whether events a migration bridge caused are left out.' })
  excludeRelayed!: boolean;
  @ApiProperty({ description: 'Since when every attempt has failed, if so.', nullable: true, type: String })
  failingSince!: string | null;
  @ApiProperty({ description: 'Creation time.' }) createdAt!: string;
  @ApiProperty({ description: 'Last change.' }) updatedAt!: string;
}

export class EndpointCreatedResponseDto extends EndpointResponseDto {
  @ApiProperty({
    description:
      'The signing secret (`whsec_…`), for verifying `webhook-signature`. Also available from GET …/secret.',
  })
  secret!: string;
}

export class EndpointListResponseDto {
  @ApiProperty({ type: [EndpointResponseDto], description: 'The app’s endpoints, oldest first.' })
  data!: EndpointResponseDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String }) nextCursor!:
    string | null;
}

export class EndpointSecretResponseDto {
  @ApiProperty({ description: 'The current signing secret (`whsec_` + base64).' }) secret!: string;
  @ApiPropertyOptional({
    description: 'After a rotation: until when the previous secret still signs beside the new one.',
    nullable: true,
    type: String,
  })
  previousSecretExpiresAt?: string | null;
}

export class EndpointRecoverDto {
  @ApiProperty({
    description:
      'Retry every failed delivery of this endpoint created at or after this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`).',
  })
  @IsTimestamp()
  since!: string;
}

export class RequeuedResponseDto {
  @ApiProperty({ description: 'How many deliveries were put back in line.' }) requeued!: number;
}
