import type { Request } from 'express';
import { AppConfig } from '@thads/application';
import { actorFromHeaders } from '../http/actor';
import { LocalTokens } from './local-tokens';
import { LocalUsers } from '@thads/application';
import { OidcTokens } from './oidc-tokens';
import { Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/**
 * Who is asking. A bearer token always wins and is always checked; without one, the X-Actor-*
 * headers are believed only in development mode (THADS_DEV_ACTOR=1, never in production).
 * With an OIDC issuer configured, only its tokens are accepted: identities then live there.
 */
export class Authenticator {
  constructor(
    private readonly config: AppConfig,
    private readonly local: LocalTokens,
    private readonly users: LocalUsers,
    private readonly oidc?: OidcTokens,
  ) {}

  async authenticate(request: Request): Promise<Principal> {
    const header = request.header('authorization');
    if (header !== undefined) return this.fromToken(header);
    if (this.config.devActor) return { actor: actorFromHeaders(request), via: 'dev-headers' };
    throw new Unauthenticated(
      'auth.token-missing',
      'send Authorization: Bearer <token> (POST /api/auth/login, or a token from the identity provider)',
    );
  }

  private async fromToken(header: string): Promise<Principal> {
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new Unauthenticated('auth.token-invalid', 'Authorization must be "Bearer <JWT>"');
    if (this.oidc) return this.oidc.verify(token);
    const principal = await this.local.verify(token);
    // A user removed, disabled, or moved to another role or unit, loses the old token's powers at
    // once; so do tokens issued before a password reset.
    if (!(await this.users.matches(principal.actor, principal.issuedAt)))
      throw new Unauthenticated('auth.token-invalid', 'the token no longer matches a local user');
    return principal;
  }
}
