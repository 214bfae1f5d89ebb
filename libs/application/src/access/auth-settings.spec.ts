import { authSettingsFromEnv, devActorFromEnv } from './auth-settings';

describe('development actor switch', () => {
  it('is on for `npm start` with demo data, off otherwise, and never in production', () => {
    expect(devActorFromEnv({})).toBe(true);
    expect(devActorFromEnv({ THADS_DEMO: '0' })).toBe(false);
    expect(devActorFromEnv({ NODE_ENV: 'production' })).toBe(false);
    expect(devActorFromEnv({ THADS_DEV_ACTOR: '0' })).toBe(false);
    expect(devActorFromEnv({ THADS_DEV_ACTOR: '1', THADS_DEMO: '0' })).toBe(true);
    expect(() => devActorFromEnv({ THADS_DEV_ACTOR: '1', NODE_ENV: 'production' })).toThrow(
      /refused when NODE_ENV=production/,
    );
    expect(() => devActorFromEnv({ THADS_DEV_ACTOR: 'yes' })).toThrow(/0 or 1/);
  });
});

describe('auth settings', () => {
  it('reads an OIDC issuer with its claims, and insists on an audience', () => {
    expect(
      authSettingsFromEnv({ THADS_OIDC_ISSUER: 'https://id.example/realms/thads/', THADS_OIDC_AUDIENCE: 'thads' }).oidc,
    ).toEqual({
      issuer: 'https://id.example/realms/thads',
      jwksUrl: undefined,
      audience: 'thads',
      roleClaim: 'thads_role',
      unitClaim: 'thads_unit',
    });
    expect(() => authSettingsFromEnv({ THADS_OIDC_ISSUER: 'https://id.example' })).toThrow(/THADS_OIDC_AUDIENCE/);
    expect(authSettingsFromEnv({}).oidc).toBeUndefined();
  });

  it('keeps CORS closed unless origins are named', () => {
    expect(authSettingsFromEnv({}).corsOrigins).toEqual([]);
    expect(authSettingsFromEnv({ THADS_CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).corsOrigins).toEqual(
      ['https://a.example', 'http://localhost:5173'],
    );
    expect(() => authSettingsFromEnv({ THADS_CORS_ORIGINS: 'https://a.example/app' })).toThrow(/origins/);
  });
});
