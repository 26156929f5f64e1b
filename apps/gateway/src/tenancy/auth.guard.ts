import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ImGatewayError } from '@im-gateway/types';
import { timingSafeEqualString } from '@im-gateway/signing';
import { ApiKeysService } from './api-keys.service.js';
import {
  ADMIN_ONLY,
  PUBLIC_ROUTE,
  type AuthenticatedRequest,
  type Principal,
} from '../common/auth.decorators.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';

/**
 * Bearer-token authentication and tenant scoping for every route not marked `@Public()`.
 * 401: no or unknown token. 403: an app key used on another app's routes or on an admin route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly settings: GatewaySettingsRef,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    request.principal = principal;
    if (principal.kind === 'admin') return true;
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets)) {
      throw new ImGatewayError('forbidden', 'This route needs the admin token.');
    }
    const appId = (request.params as Record<string, string | undefined>).appId;
    if (appId !== undefined && appId !== principal.appId) {
      throw new ImGatewayError('forbidden', 'This API key belongs to another app.');
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) throw new ImGatewayError('unauthorized', 'Missing bearer token.');
    const token = match[1];
    if (timingSafeEqualString(token, this.settings.value.adminToken)) return { kind: 'admin' };
    const key = await this.apiKeys.findByToken(token);
    if (!key) throw new ImGatewayError('unauthorized', 'Unknown or revoked token.');
    return { kind: 'app', appId: key.appId, keyId: key.id };
  }
}
