import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccessPolicy, Actor, EMPTY_FOLD, foldRecorded, Forbidden, ID_PATTERN } from '@thads/application';
import { CaseReceivedData, caseStream } from '@thads/domain';
import { collect, EventStore } from '@thads/event-store';
import { Authenticator } from './authenticator';
import { setPrincipal } from './principal';
import { refusalLog } from './refusal-log';
import { RouteRule, ruleFor } from './route-rules';
import { Unauthenticated } from './unauthenticated';

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string')
      : [];

/** The attempt in the log's words; the body is not validated yet, so only a plain name is echoed. */
const stepAttempted = (request: Request, receive?: 'receive'): string => {
  const body = request.body as { step?: unknown; caseId?: unknown; unitId?: unknown } | undefined;
  const plain = (v: unknown) => (typeof v === 'string' && /^[\w.-]{1,100}$/.test(v) ? v : '?');
  if (receive) return `receive case ${plain(body?.caseId)} into unit ${plain(body?.unitId)}`;
  return `take step '${plain(body?.step)}' on case ${plain(request.params.caseId ?? Object.values(request.params)[0])}`;
};

/**
 * Every request but the public ones: authenticate (401), put the principal on the request, and
 * check the route's right over the units it names (403). Case steps are judged again, fully, by
 * the write path on the folded case (AccessPolicy.assertMayExecute).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly access: AccessPolicy,
    private readonly store: EventStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const rule = ruleFor(method, route);
    if (rule?.kind === 'public') return true;
    try {
      const principal = await this.authenticator.authenticate(request);
      setPrincipal(request, principal);
      await this.authorize(request, rule, principal.actor, `${method} ${route}`);
      return true;
    } catch (error) {
      if (error instanceof Unauthenticated) {
        refusalLog.unauthenticated(request, error.code, error.message);
        // RFC 6750 §3: tell the client which scheme to use, and whether its token was the trouble.
        const hint = error.code === 'auth.token-missing' ? '' : ', error="invalid_token"';
        context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', `Bearer realm="thads"${hint}`);
      }
      if (error instanceof Forbidden) refusalLog.forbidden(request, error);
      throw error;
    }
  }

  private async authorize(request: Request, rule: RouteRule | undefined, actor: Actor, what: string): Promise<void> {
    switch (rule?.kind) {
      case undefined:
        if (actor.role !== 'system') throw new Forbidden(actor, what, 'no access rule covers this route');
        return;
      case 'public':
      case 'authenticated':
        return;
      case 'right':
        return this.access.assertHas(actor, rule.right, what);
      case 'steps':
        return this.access.assertHasStep(actor, rule.step ?? 'any', stepAttempted(request, rule.step));
      case 'units':
        return this.overUnits(
          actor,
          rule.right,
          [...strings(request.query.unitId), ...strings(request.params.unitId), ...strings(request.body?.unitId)],
          what,
        );
      case 'new-unit': {
        const body = request.body as { unitId?: unknown; parentId?: unknown } | undefined;
        const target = strings(body?.parentId)[0] ?? strings(body?.unitId)[0];
        return this.overUnits(
          actor,
          rule.right,
          target ? [target] : [],
          `register unit ${strings(body?.unitId)[0] ?? '?'}`,
        );
      }
      case 'roles':
        if (actor.role !== 'system' && !rule.roles.includes(actor.role))
          throw new Forbidden(actor, what, `only ${rule.roles.join(' or ')} may`);
        return;
      case 'case': {
        const caseId = Object.values(request.params)[0];
        const unitId = typeof caseId === 'string' ? await this.unitOfCase(caseId) : undefined;
        // A case never received: the route answers 404 for whoever holds the right.
        if (unitId === undefined) return this.access.assertHas(actor, rule.right, what);
        return this.access.assertMayOnCase(
          actor,
          rule.right,
          unitId,
          `${what.split(' ')[0]} case ${caseId} (${rule.right})`,
        );
      }
    }
  }

  /** Naming no unit means "everything": only a national user may ask that. */
  private async overUnits(
    actor: Actor,
    right: Parameters<AccessPolicy['assertMay']>[1],
    unitIds: string[],
    what: string,
  ): Promise<void> {
    if (unitIds.length === 0 && !(await this.access.isNational(actor))) {
      this.access.assertHas(actor, right, what);
      throw new Forbidden(actor, what, `name a unitId within the scope of unit ${actor.unitId}`);
    }
    await this.access.assertMay(actor, right, unitIds, `${what} (${right}) for ${unitIds.join(', ') || 'every unit'}`);
  }

  /** Strongly consistent: the case's own first event, not a read model that may lag. */
  private async unitOfCase(caseId: string): Promise<string | undefined> {
    if (!ID_PATTERN.test(caseId)) return undefined;
    const [first] = await collect(this.store.readStream(caseStream(caseId), { maxCount: 1 }));
    const received = (first?.data as unknown as CaseReceivedData | undefined)?.unitId;
    if (received === undefined) return undefined;
    // A case transferred (chuyển giao, docs/reorganisation.md) is its latest unit's: fold the stream to know it.
    const all = await collect(this.store.readStream(caseStream(caseId)));
    if (!all.some((e) => e.type === 'CaseTransferred')) return received;
    const fold = all.reduce(foldRecorded, EMPTY_FOLD);
    return fold.state.status === 'known' ? fold.state.unitId : received;
  }
}
