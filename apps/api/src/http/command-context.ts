import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '@thads/application';
import { principalOf } from '../auth/principal';
import { ValidationProblem } from './problem.filter';

/**
 * Who, when and which: the actor, the instant the API stamped (its clock, not the client's),
 * and the ids that tie this command to the request that carried it.
 */
export type RequestContext = Omit<CommandContext, 'recordedAt'>;

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const key = request.header('idempotency-key');
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key))
    throw new ValidationProblem(['Idempotency-Key must be 1 to 200 visible ASCII characters']);
  const commandId = randomUUID();
  return {
    // The verified principal (auth.guard.ts), never what the body or a header claims.
    actor: principalOf(request).actor,
    commandId,
    correlationId: request.header('x-correlation-id') ?? commandId,
    causationId: request.header('x-causation-id'),
    idempotencyKey: key,
  };
});
