import type { Request } from 'express';
import { Actor } from '@thads/domain';
import { Unauthenticated } from './unauthenticated';

/** Who the request is, as verified: the actor every event it appends will carry (issue 7 §4). */
export interface Principal {
  actor: Actor;
  name?: string;
  /** How the identity was established. */
  via: 'local-token' | 'oidc-token' | 'dev-headers';
  /** When the token was issued (JWT iat, seconds): a password reset or a disabling ends older local tokens. */
  issuedAt?: number;
}

const PRINCIPAL = Symbol('thads.principal');
type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

export const setPrincipal = (request: Request, principal: Principal): void => {
  (request as WithPrincipal)[PRINCIPAL] = principal;
};

export const findPrincipal = (request: Request): Principal | undefined => (request as WithPrincipal)[PRINCIPAL];

/** The principal the guard put on the request; a route that reaches here without one is a wiring fault. */
export const principalOf = (request: Request): Principal => {
  const principal = findPrincipal(request);
  if (!principal) throw new Unauthenticated('auth.token-missing', 'this route needs Authorization: Bearer <token>');
  return principal;
};
