import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { Clock, ID_PATTERN, OidcSettings, PERSON_ROLES, PersonRole } from '@thads/application';
import { Principal } from './principal';
import { tokenProblem } from './local-tokens';
import { Unauthenticated } from './unauthenticated';

// Asymmetric algorithms only: an issuer's public key must never be usable as an HMAC secret.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const claimAt = (payload: JWTPayload, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      payload,
    );

/** A role claim may be one string or a list (Keycloak's `realm_access.roles`): exactly one of ours must be in it. */
const roleOf = (value: unknown, claim: string): PersonRole => {
  const named = (Array.isArray(value) ? value : [value]).filter((v): v is PersonRole =>
    (PERSON_ROLES as ReadonlyArray<unknown>).includes(v),
  );
  if (named.length !== 1)
    throw new Unauthenticated(
      'auth.token-invalid',
      `claim ${claim} must name exactly one role of ${PERSON_ROLES.join(', ')}`,
    );
  return named[0];
};

/**
 * Tokens from the configured OpenID Connect issuer (production): the signature checked against
 * the issuer's published keys (JWKS, fetched and cached by jose), issuer and audience pinned,
 * role and unit read from the configured claims.
 */
export class OidcTokens {
  private keys?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    readonly settings: OidcSettings,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<Principal> {
    const keys = await this.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp'],
      });
      const role = roleOf(claimAt(payload, this.settings.roleClaim), this.settings.roleClaim);
      const unitId = claimAt(payload, this.settings.unitClaim);
      if (typeof unitId !== 'string' || !ID_PATTERN.test(unitId))
        throw new Unauthenticated('auth.token-invalid', `claim ${this.settings.unitClaim} must name a unit`);
      if (!ID_PATTERN.test(payload.sub!))
        throw new Unauthenticated('auth.token-invalid', 'the subject is not an identifier this system can record');
      const name =
        typeof payload.name === 'string'
          ? payload.name
          : typeof payload.preferred_username === 'string'
            ? payload.preferred_username
            : undefined;
      return { actor: { id: payload.sub!, role, unitId }, name, via: 'oidc-token' };
    } catch (error) {
      throw tokenProblem(error);
    }
  }

  /** The issuer being unreachable is not the caller's fault: 503, and the next request tries again. */
  private async keySet() {
    try {
      this.keys ??= createRemoteJWKSet(new URL(this.settings.jwksUrl ?? (await this.discoverJwksUri())));
      return this.keys;
    } catch (error) {
      new Logger('Auth').error(`OIDC issuer ${this.settings.issuer}: ${(error as Error).message}`);
      throw new ServiceUnavailableException({
        code: 'auth.issuer-unavailable',
        message: 'the identity provider cannot be reached; try again shortly',
      });
    }
  }

  /** OpenID Connect Discovery 1.0 §4: the document's issuer must be the one configured. */
  private async discoverJwksUri(): Promise<string> {
    const response = await fetch(`${this.settings.issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
    const doc = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (doc.issuer?.replace(/\/$/, '') !== this.settings.issuer || typeof doc.jwks_uri !== 'string') {
      throw new Error(
        `OIDC discovery document of ${this.settings.issuer} names issuer ${doc.issuer} or lacks jwks_uri`,
      );
    }
    return doc.jwks_uri;
  }
}
