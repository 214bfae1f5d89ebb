/** How tokens from an external OpenID Connect issuer are checked and read (production). */
export interface OidcSettings {
  issuer: string;
  /** Where its keys are; when absent, the `jwks_uri` of the issuer's discovery document. */
  jwksUrl?: string;
  audience: string;
  /** Claim names (a dotted path reaches into objects: `realm_access.roles`). */
  roleClaim: string;
  unitClaim: string;
}

export interface AuthSettings {
  oidc?: OidcSettings;
  /** Origins a browser may call from; none by default (CORS closed). */
  corsOrigins: ReadonlyArray<string>;
  production: boolean;
}

export const AUTH_VARIABLES = [
  'THADS_OIDC_ISSUER',
  'THADS_OIDC_JWKS_URL',
  'THADS_OIDC_AUDIENCE',
  'THADS_OIDC_ROLE_CLAIM',
  'THADS_OIDC_UNIT_CLAIM',
  'THADS_CORS_ORIGINS',
] as const;

export const DEFAULT_AUTH: AuthSettings = { corsOrigins: [], production: false };

const origin = (value: string): string => {
  const url = new URL(value);
  if (url.origin !== value.replace(/\/$/, ''))
    throw new Error(`THADS_CORS_ORIGINS takes origins (scheme://host[:port]), not ${value}`);
  return url.origin;
};

export const authSettingsFromEnv = (env: NodeJS.ProcessEnv): AuthSettings => {
  const issuer = env.THADS_OIDC_ISSUER?.replace(/\/$/, '');
  // A token minted for another application of the same issuer must not open this one.
  if (issuer && !env.THADS_OIDC_AUDIENCE) throw new Error('THADS_OIDC_AUDIENCE is required with THADS_OIDC_ISSUER');
  const origins = (env.THADS_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    oidc: issuer
      ? {
          issuer,
          jwksUrl: env.THADS_OIDC_JWKS_URL || undefined,
          audience: env.THADS_OIDC_AUDIENCE!,
          roleClaim: env.THADS_OIDC_ROLE_CLAIM || 'thads_role',
          unitClaim: env.THADS_OIDC_UNIT_CLAIM || 'thads_unit',
        }
      : undefined,
    corsOrigins: origins.map(origin),
    production: env.NODE_ENV === 'production',
  };
};

/**
 * X-Actor-* headers name the actor without a token: a development convenience only. Off unless
 * asked for, except that `npm start` with its demo data (and not in production) turns it on so a
 * newcomer can follow the README; THADS_DEV_ACTOR=1 in production is refused outright.
 */
export const devActorFromEnv = (env: NodeJS.ProcessEnv): boolean => {
  const production = env.NODE_ENV === 'production';
  const value = env.THADS_DEV_ACTOR;
  if (value !== undefined && value !== '0' && value !== '1')
    throw new Error(`THADS_DEV_ACTOR must be 0 or 1, not ${value}`);
  if (value === '1' && production)
    throw new Error('THADS_DEV_ACTOR=1 is refused when NODE_ENV=production: requests must carry tokens');
  if (value !== undefined) return value === '1';
  return !production && env.THADS_DEMO !== '0';
};
