import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { ImGatewayError } from '@im-gateway/types';
import { Public } from '../common/auth.decorators.js';
import { RedisPing } from './redis-ping.js';

export class HealthResponseDto {
  @ApiProperty({ description: '`ok` when every dependency answers.', example: 'ok' })
  status!: string;

  @ApiProperty({
    description: 'Each dependency and its state (none for liveness).',
    example: { database: 'up', redis: 'up' },
  })
  checks!: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 1000;

/**
 * Liveness (`/health/live`: the process answers, no dependency consulted, so an orchestrator does not
 * restart a healthy gateway because the database blinked) apart from readiness (`/health/ready`, and
 * `/health` for compatibility: the database and, when `REDIS_URL` is set, Redis answer; 503 otherwise).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisPing,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Liveness: the process answers (no dependency checked)',
  })
  @ApiOkResponse({ type: HealthResponseDto })
  live(): HealthResponseDto {
    return { status: 'ok', checks: {} };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: the database and, when configured, Redis answer',
  })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the error body names it.' })
  ready(): Promise<HealthResponseDto> {
    return this.check();
  }

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Readiness, as `/health/ready` (kept for existing probes)',
  })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the error body names it.' })
  async check(): Promise<HealthResponseDto> {
    const checks: HealthIndicatorFunction[] = [
      () => this.db.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
    ];
    if (this.redis.configured) {
      checks.push(async () => ({
        redis: { status: (await this.redis.ping(CHECK_TIMEOUT_MS)) ? 'up' : 'down' },
      }));
    }
    let result: HealthCheckResult;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      const details = (error as { response?: HealthCheckResult }).response?.details ?? {};
      throw new ImGatewayError('dependency_unavailable', 'A dependency is down.', {
        checks: Object.fromEntries(Object.entries(details).map(([k, v]) => [k, v.status])),
      });
    }
    return {
      status: 'ok',
      checks: Object.fromEntries(Object.entries(result.details).map(([k, v]) => [k, v.status])),
    };
  }
}
