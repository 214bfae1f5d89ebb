import { errors, jwtVerify, SignJWT } from 'jose';
import { Clock } from '@thads/application';
import { ROLES } from '@thads/domain';
import { LocalUser } from '@thads/application';
import { Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

export const LOCAL_ISSUER = 'thads-local';
export const AUDIENCE = 'thads-api';
/** Short-lived: a stolen token is worth a quarter of an hour, and a changed role applies soon. */
export const TOKEN_SECONDS = 15 * 60;

/** Tokens this app issues to its local users: HS256 with the key under the data directory. */
export class LocalTokens {
  constructor(
    private readonly key: Uint8Array,
    private readonly clock: Clock,
  ) {}

  async issue(user: LocalUser): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ name: user.name, thads_role: user.role, thads_unit: user.unitId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(user.id)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_SECONDS)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: LOCAL_ISSUER,
        audience: AUDIENCE,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp'],
      });
      const role = payload.thads_role as (typeof ROLES)[number];
      if (!ROLES.includes(role) || role === 'system' || typeof payload.thads_unit !== 'string')
        throw new Unauthenticated('auth.token-invalid', 'the token names no role or unit');
      return {
        actor: { id: payload.sub!, role, unitId: payload.thads_unit },
        name: payload.name as string | undefined,
        via: 'local-token',
        issuedAt: payload.iat,
      };
    } catch (error) {
      throw tokenProblem(error);
    }
  }
}

/** A jose refusal as a 401 that says why, without echoing the token. */
export const tokenProblem = (error: unknown): Unauthenticated => {
  if (error instanceof Unauthenticated) return error;
  if (error instanceof errors.JWTExpired)
    return new Unauthenticated('auth.token-expired', 'the token has expired: log in again');
  if (error instanceof errors.JOSEError)
    return new Unauthenticated('auth.token-invalid', `the token was refused (${error.code})`);
  return new Unauthenticated('auth.token-invalid', 'the token could not be read');
};
