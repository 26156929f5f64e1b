import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_ROUTE = 'imgw:public';
export const ADMIN_ONLY = 'imgw:admin-only';

/** The caller: the admin token reaches every app; an app key reaches only its own app. */
export type Principal = { kind: 'admin' } | { kind: 'app'; appId: string; keyId: string };

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** No bearer token: the route authenticates by other means (vendor signatures) or is open (health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only the admin token may call this route. */
export const AdminOnly = (): MethodDecorator & ClassDecorator => SetMetadata(ADMIN_ONLY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
