import { AppConfig } from './config';
import {
  CONFIG_VARIABLES,
  ConfigurationRejected,
  environmentProblems,
  ENVIRONMENT_SCHEMA,
  TOOLING_VARIABLES,
} from './environment-schema';

describe('the environment schema', () => {
  it('accepts an empty environment (every setting has its default) and a full, well-formed one', () => {
    expect(environmentProblems({})).toEqual([]);
    expect(
      environmentProblems({
        PORT: '8080',
        NODE_ENV: 'production',
        THADS_DATA_DIR: '/var/lib/thads',
        THADS_EVENT_STORE: 'esdb://es:2113?tls=false',
        THADS_READ_STORE: 'postgres://thads@db/thads?schema=read',
        THADS_ROLE: 'api',
        THADS_DEMO: '0',
        THADS_DEV_ACTOR: '0',
        THADS_CALENDAR_DIR: '/etc/thads/calendar',
        THADS_PROJECTOR_LEASE_MS: '15000',
        THADS_BIND: '::',
        THADS_TRUST_PROXY: '10.0.0.0/8, loopback',
        THADS_OIDC_ISSUER: 'https://id.example/realms/thads',
        THADS_OIDC_JWKS_URL: 'https://id.example/certs',
        THADS_OIDC_AUDIENCE: 'thads',
        THADS_OIDC_ROLE_CLAIM: 'realm_access.roles',
        THADS_OIDC_UNIT_CLAIM: 'thads_unit',
        THADS_CORS_ORIGINS: 'https://office.example,http://localhost:4200',
        THADS_ANCHOR_KEY_FILE: '/run/secrets/anchor.pem',
        THADS_ANCHOR_FILE: '/var/lib/thads/anchors.jsonl',
        THADS_ANCHOR_EVERY_EVENTS: '0',
        THADS_ANCHOR_EVERY_MINUTES: '5',
      }),
    ).toEqual([]);
  });

  it('has an entry for every variable the app reads', () => {
    expect(Object.keys(ENVIRONMENT_SCHEMA).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('names an unknown THADS_* variable and the one a typo most likely meant', () => {
    expect(environmentProblems({ THADS_EVENTSTORE: 'x.db' })).toEqual([
      'THADS_EVENTSTORE: not a setting of thads (did you mean THADS_EVENT_STORE?)',
    ]);
    expect(environmentProblems({ THADS_ROEL: 'api' })).toEqual([
      'THADS_ROEL: not a setting of thads (did you mean THADS_ROLE?)',
    ]);
    expect(environmentProblems({ THADS_WHATEVER: '1' })).toEqual(['THADS_WHATEVER: not a setting of thads']);
  });

  it("leaves alone other programs' variables and the test tools' own THADS_* variables", () => {
    expect(environmentProblems({ HOME: '/root', PATH: '/bin', HOST: 'office-pc' })).toEqual([]);
    expect(environmentProblems(Object.fromEntries(TOOLING_VARIABLES.map((name) => [name, 'x'])))).toEqual([]);
  });

  it.each([
    ['PORT', 'abc', 'a port number from 0 to 65535'],
    ['PORT', '70000', 'a port number from 0 to 65535'],
    ['THADS_ROLE', 'foo', 'all, api or projector'],
    ['THADS_PROJECTOR_LEASE_MS', '-1', 'a whole number of milliseconds, at least 300'],
    ['THADS_PROJECTOR_LEASE_MS', '1.5', 'a whole number of milliseconds, at least 300'],
    ['THADS_BIND', 'nonsense', 'an IP address (127.0.0.1, 0.0.0.0, ::) or localhost'],
    ['THADS_DEMO', 'yes', '0 or 1'],
    ['THADS_EVENT_STORE', 'mysql://db/thads', 'a SQLite file path, postgres://… or esdb://…'],
    ['THADS_READ_STORE', 'esdb://es:2113', 'a SQLite file path or postgres://…'],
    [
      'THADS_TRUST_PROXY',
      'proxy.example',
      'a hop count, or addresses and subnets separated by commas (10.0.0.1, 10.0.0.0/8, loopback)',
    ],
    ['THADS_CORS_ORIGINS', 'https://office.example/app', 'origins (scheme://host[:port]) separated by commas'],
    ['THADS_ANCHOR_EVERY_EVENTS', 'often', 'a whole number (0 turns it off)'],
    ['THADS_OIDC_ISSUER', 'id.example', 'the issuer URL (https://…)'],
  ])('refuses %s=%s, saying it expects %s', (name, value, expected) => {
    expect(
      environmentProblems({ [name]: value, ...(name === 'THADS_OIDC_ISSUER' ? { THADS_OIDC_AUDIENCE: 'thads' } : {}) }),
    ).toEqual([`${name}=${JSON.stringify(value)}: expected ${expected}`]);
  });

  it('refuses the combinations a deployment must not use', () => {
    expect(environmentProblems({ THADS_OIDC_ISSUER: 'https://id.example' })).toEqual([
      'THADS_OIDC_AUDIENCE: required with THADS_OIDC_ISSUER',
    ]);
    expect(environmentProblems({ THADS_DEV_ACTOR: '1', NODE_ENV: 'production' })).toEqual([
      'THADS_DEV_ACTOR=1: refused when NODE_ENV=production (requests must carry tokens)',
    ]);
  });

  it('treats a blank optional value as unset, and a blank required one as malformed', () => {
    expect(environmentProblems({ THADS_BIND: '', THADS_CORS_ORIGINS: ' ', THADS_ANCHOR_FILE: '' })).toEqual([]);
    expect(environmentProblems({ THADS_EVENT_STORE: '' })).toEqual([
      'THADS_EVENT_STORE="": expected a SQLite file path, postgres://… or esdb://…',
    ]);
  });

  it('lists every problem at once when AppConfig reads the environment (the API and the CLI alike)', () => {
    let error: unknown;
    try {
      AppConfig.fromEnv({ PORT: 'abc', THADS_EVENTSTORE: 'x.db', THADS_ROLE: 'foo' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationRejected);
    expect((error as ConfigurationRejected).problems).toHaveLength(3);
    expect((error as Error).message).toMatch(
      /^the configuration was refused .*\n  - PORT="abc": expected a port number/,
    );
  });
});
