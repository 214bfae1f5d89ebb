import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, ROLES, Role } from '@thads/domain';
import { ValidationProblem } from './problem.filter';
import { principalOf } from '../auth/principal';

/**
 * In development mode only (THADS_DEV_ACTOR=1, never in production), a request without a token
 * names its actor by X-Actor-Id / X-Actor-Role / X-Actor-Unit (auth/authenticator.ts). Without
 * them it acts as this clearly-named development user.
 */
export const DEV_ACTOR: Actor = { id: 'dev-user', role: 'head', unitId: 'vn' };

export const actorFromHeaders = (request: Request): Actor => {
  const id = request.header('x-actor-id') ?? DEV_ACTOR.id;
  const role = (request.header('x-actor-role') ?? DEV_ACTOR.role) as Role;
  const unitId = request.header('x-actor-unit') ?? DEV_ACTOR.unitId;
  if (!ROLES.includes(role)) throw new ValidationProblem([`X-Actor-Role must be one of ${ROLES.join(', ')}`]);
  if (!/^[\w.@-]{1,100}$/.test(id) || !/^[\w.-]{1,100}$/.test(unitId))
    throw new ValidationProblem(['X-Actor-Id and X-Actor-Unit must be identifiers']);
  return { id, role, unitId };
};

/** The verified actor the guard put on the request. */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => principalOf(ctx.switchToHttp().getRequest<Request>()).actor,
);
