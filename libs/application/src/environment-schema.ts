import { isIP } from 'node:net';
import { AUTH_VARIABLES } from './access/auth-settings';
import { ANCHOR_VARIABLES } from './integrity/anchors/anchor-settings';

/** Every environment variable the app reads; deployment files are checked against this list. */
export const CONFIG_VARIABLES = [
  'PORT',
  'THADS_DATA_DIR',
  'THADS_EVENT_STORE',
  'THADS_READ_STORE',
  'THADS_ROLE',
  'THADS_DEMO',
  'THADS_DEV_ACTOR',
  'THADS_CALENDAR_DIR',
  'THADS_PROJECTOR_LEASE_MS',
  'THADS_PROJECTOR_THREAD',
  'THADS_BIND',
  'THADS_TRUST_PROXY',
  'NODE_ENV',
  ...AUTH_VARIABLES,
  ...ANCHOR_VARIABLES,
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

/**
 * Variables named THADS_* that the tests, the benchmark and docker compose read, never the app:
 * a developer who exported one must still be able to start it (docs/architecture.md §9).
 */
export const TOOLING_VARIABLES = [
  'THADS_ESDB_TEST_URL',
  'THADS_PG_TEST_URL',
  'THADS_PG_PROBE_URL',
  'THADS_PG_PROBE_MODULE',
  'THADS_E2E_STORE',
  'THADS_BENCH_ESDB_URL',
  'THADS_PG_PASSWORD',
] as const;

interface Setting {
  /** What a valid value looks like, as the start-up message says it. */
  expected: string;
  valid: (value: string) => boolean;
  /** An empty value means "not set" (the reader falls back to the default), rather than an error. */
  blankIsUnset?: boolean;
}

const anything = (value: string) => value.length > 0;
const oneOf =
  (...values: string[]) =>
  (value: string) =>
    values.includes(value);
const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string) =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
const httpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const origin = (value: string) => httpUrl(value) && new URL(value).origin === value.replace(/\/$/, '');
const list = (each: (value: string) => boolean) => (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .every(each);
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Express's `trust proxy` names, an address, or an address with a prefix length. */
const proxy = (value: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, prefix, extra] = value.split('/');
  if (extra !== undefined || !isIP(address)) return false;
  return prefix === undefined || wholeNumber(0, isIP(address) === 4 ? 32 : 128)(prefix);
};

/** Every variable of CONFIG_VARIABLES with what it takes; the type makes a new variable need an entry. */
export const ENVIRONMENT_SCHEMA: Record<ConfigVariable, Setting> = {
  PORT: { expected: 'a port number from 0 to 65535', valid: wholeNumber(0, 65535) },
  NODE_ENV: { expected: 'production, development or test', valid: anything, blankIsUnset: true },
  THADS_DATA_DIR: { expected: 'a directory path', valid: anything },
  THADS_EVENT_STORE: {
    expected: 'a SQLite file path, postgres://… or esdb://…',
    valid: (v) => v.length > 0 && (!SCHEME.test(v) || /^(postgres(ql)?|esdb(\+discover)?):\/\//.test(v)),
  },
  THADS_READ_STORE: {
    expected: 'a SQLite file path or postgres://…',
    valid: (v) => v.length > 0 && (!SCHEME.test(v) || /^postgres(ql)?:\/\//.test(v)),
  },
  THADS_ROLE: { expected: 'all, api or projector', valid: oneOf('all', 'api', 'projector') },
  THADS_DEMO: { expected: '0 or 1', valid: oneOf('0', '1') },
  THADS_DEV_ACTOR: { expected: '0 or 1', valid: oneOf('0', '1') },
  THADS_CALENDAR_DIR: { expected: 'a directory path', valid: anything },
  // Renewed every third of it: below 300 ms the projector would spend its time renewing.
  THADS_PROJECTOR_LEASE_MS: { expected: 'a whole number of milliseconds, at least 300', valid: wholeNumber(300) },
  THADS_PROJECTOR_THREAD: { expected: '0 or 1', valid: oneOf('0', '1') },
  THADS_BIND: {
    expected: 'an IP address (127.0.0.1, 0.0.0.0, ::) or localhost',
    valid: (v) => v.trim() === 'localhost' || isIP(v.trim()) !== 0,
    blankIsUnset: true,
  },
  THADS_TRUST_PROXY: {
    expected: 'a hop count, or addresses and subnets separated by commas (10.0.0.1, 10.0.0.0/8, loopback)',
    valid: (v) => /^\d+$/.test(v.trim()) || list(proxy)(v),
    blankIsUnset: true,
  },
  THADS_OIDC_ISSUER: { expected: 'the issuer URL (https://…)', valid: httpUrl, blankIsUnset: true },
  THADS_OIDC_JWKS_URL: { expected: 'a URL (https://…)', valid: httpUrl, blankIsUnset: true },
  THADS_OIDC_AUDIENCE: { expected: 'the audience tokens are minted for', valid: anything, blankIsUnset: true },
  THADS_OIDC_ROLE_CLAIM: {
    expected: 'a claim name, dotted to reach into objects (realm_access.roles)',
    valid: (v) => /^[\w:-]+(\.[\w:-]+)*$/.test(v),
    blankIsUnset: true,
  },
  THADS_OIDC_UNIT_CLAIM: {
    expected: 'a claim name, dotted to reach into objects',
    valid: (v) => /^[\w:-]+(\.[\w:-]+)*$/.test(v),
    blankIsUnset: true,
  },
  THADS_CORS_ORIGINS: {
    expected: 'origins (scheme://host[:port]) separated by commas',
    valid: list(origin),
    blankIsUnset: true,
  },
  THADS_ANCHOR_KEY_FILE: { expected: 'a file path', valid: anything, blankIsUnset: true },
  THADS_ANCHOR_FILE: { expected: 'a file path', valid: anything, blankIsUnset: true },
  THADS_ANCHOR_EVERY_EVENTS: { expected: 'a whole number (0 turns it off)', valid: wholeNumber(0), blankIsUnset: true },
  THADS_ANCHOR_EVERY_MINUTES: {
    expected: 'a whole number (0 turns it off)',
    valid: wholeNumber(0),
    blankIsUnset: true,
  },
};

const KNOWN = new Set<string>([...CONFIG_VARIABLES, ...TOOLING_VARIABLES]);

/** One line per variable that is unknown or malformed, naming it and what it takes; empty when all is well. */
export const environmentProblems = (env: Readonly<Record<string, unknown>>): string[] => {
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    const value = String(raw);
    if (name.startsWith('THADS_') && !KNOWN.has(name)) {
      const near = nearest(name);
      problems.push(`${name}: not a setting of thads${near ? ` (did you mean ${near}?)` : ''}`);
      continue;
    }
    const setting = (ENVIRONMENT_SCHEMA as Record<string, Setting | undefined>)[name];
    if (!setting || (setting.blankIsUnset && value.trim() === '')) continue;
    if (!setting.valid(value)) problems.push(`${name}=${JSON.stringify(value)}: expected ${setting.expected}`);
  }
  problems.push(...combinationProblems(env));
  return problems;
};

const combinationProblems = (env: Readonly<Record<string, unknown>>): string[] => {
  const problems: string[] = [];
  // A token minted for another application of the same issuer must not open this one.
  if (env.THADS_OIDC_ISSUER && !env.THADS_OIDC_AUDIENCE)
    problems.push('THADS_OIDC_AUDIENCE: required with THADS_OIDC_ISSUER');
  if (env.THADS_DEV_ACTOR === '1' && env.NODE_ENV === 'production') {
    problems.push('THADS_DEV_ACTOR=1: refused when NODE_ENV=production (requests must carry tokens)');
  }
  return problems;
};

/** The environment names a setting thads does not know, or one with a value it cannot use. */
export class ConfigurationRejected extends Error {
  constructor(readonly problems: ReadonlyArray<string>) {
    super(
      `the configuration was refused (docs/architecture.md §9, README "Configuration"):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigurationRejected';
  }
}

/** Throws ConfigurationRejected listing every problem at once, so one start shows them all. */
export const assertValidEnvironment = (env: Readonly<Record<string, unknown>>): void => {
  const problems = environmentProblems(env);
  if (problems.length > 0) throw new ConfigurationRejected(problems);
};

/** The known variable a typo most likely meant: same letters without underscores, or two edits away. */
const nearest = (name: string): string | undefined => {
  const bare = (s: string) => s.replace(/_/g, '');
  let best: { name: string; distance: number } | undefined;
  for (const known of CONFIG_VARIABLES) {
    const distance = bare(known) === bare(name) ? 0 : editDistance(known, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name;
};

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
};
