import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { ImGatewayError } from '@im-gateway/types';
import { Public } from '../common/auth.decorators.js';

export class HealthResponseDto {
  @ApiProperty({ description: '`ok` when every dependency answers.', example: 'ok' })
  status!: string;

  @ApiProperty({ description: 'Each dependency and its state.', example: { database: 'up' } })
  checks!: Record<string, string>;
}

/** Readiness: answers 503 as soon as the database stops answering, and 200 again when it is back. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness (database check)' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the error body names it.' })
  async check(): Promise<HealthResponseDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.db.pingCheck('database', { timeout: 1000 })]);
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
