import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { AuthSettings, authSettingsFromEnv, DEFAULT_AUTH, devActorFromEnv } from './access/auth-settings';
import { AnchorSettings, anchorSettingsFromEnv } from './integrity/anchors/anchor-settings';
import { assertValidEnvironment } from './environment-schema';

export type ProcessRole = 'all' | 'api' | 'projector';

export { CONFIG_VARIABLES } from './environment-schema';

/**
 * Configuration comes from the environment only (docs/architecture.md §9); this is its one
 * reader, for the API (through @nestjs/config in apps/api/src/config) and the CLI alike. Every
 * value is checked against environment-schema.ts first: an unknown THADS_* variable or a
 * malformed value stops the start with ConfigurationRejected, naming each one.
 */
export class AppConfig {
  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** A SQLite file path, `postgres://…` or `esdb://…`. */
    readonly eventStore: string,
    /** A SQLite file path (or `postgres://…`) for the read models. */
    readonly readStore: string,
    readonly role: ProcessRole,
    readonly demo: boolean,
    readonly devActor: boolean,
    readonly calendarDir: string,
    /** How long a projector's lease lasts without renewal before another may take over. */
    readonly projectorLeaseMs: number = 15_000,
    /** Tokens (OIDC issuer), CORS; see access/auth-settings.ts. */
    readonly auth: AuthSettings = DEFAULT_AUTH,
    /** The log's anchors: key file, anchor file, how often (integrity/anchors/anchor-settings.ts). */
    readonly anchors: AnchorSettings = anchorSettingsFromEnv({}, dataDir),
    /** The address `npm start` listens on; see bindAddressFromEnv. */
    readonly bindAddress: string = '127.0.0.1',
    /**
     * Express's `trust proxy`: the proxies whose X-Forwarded-For is believed (a hop count, or
     * addresses and subnets), so that login limits see each client's address, not the proxy's.
     */
    readonly trustProxy?: number | string,
    /**
     * The live projector in a worker thread, off the API's event loop (THADS_PROJECTOR_THREAD,
     * default on when running the compiled app; from TypeScript sources, as the tests run, off
     * unless asked: its worker would compile the libraries again).
     */
    readonly projectorThread: boolean = false,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    assertValidEnvironment(env);
    const dataDir = resolve(env.THADS_DATA_DIR ?? './data');
    const role = (env.THADS_ROLE ?? 'all') as ProcessRole;
    const port = Number(env.PORT ?? 3000);
    return new AppConfig(
      port,
      dataDir,
      env.THADS_EVENT_STORE ?? join(dataDir, 'thads.db'),
      env.THADS_READ_STORE ?? join(dataDir, 'read.db'),
      role,
      env.THADS_DEMO !== '0',
      devActorFromEnv(env),
      env.THADS_CALENDAR_DIR ?? join(dataDir, 'calendar'),
      Number(env.THADS_PROJECTOR_LEASE_MS ?? 15_000),
      authSettingsFromEnv(env),
      anchorSettingsFromEnv(env, dataDir),
      bindAddressFromEnv(env),
      trustProxyFromEnv(env),
      projectorThreadFromEnv(env),
    );
  }

  get eventStoreKind(): 'sqlite' | 'postgres' | 'eventstoredb' {
    if (/^postgres(ql)?:\/\//.test(this.eventStore)) return 'postgres';
    if (/^esdb(\+discover)?:\/\//.test(this.eventStore)) return 'eventstoredb';
    return 'sqlite';
  }
}

/**
 * THADS_BIND, else loopback outside production and every interface in production. Outside
 * production the API may believe X-Actor-* headers (THADS_DEV_ACTOR) and serves demo data:
 * that must not reach the office network by default. In production tokens are required and
 * the process usually runs in a container or behind a proxy on another host, which needs it
 * reachable. HOST is not read: csh and tcsh set it to the machine's name for every program.
 */
export const bindAddressFromEnv = (env: NodeJS.ProcessEnv): string => {
  const value = env.THADS_BIND?.trim();
  if (!value) return env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1';
  if (value !== 'localhost' && !isIP(value))
    throw new Error(`THADS_BIND must be an IP address (127.0.0.1, 0.0.0.0, ::) or localhost, not ${value}`);
  return value;
};

const projectorThreadFromEnv = (env: NodeJS.ProcessEnv): boolean => {
  // Checked by the environment schema (0 or 1).
  const value = env.THADS_PROJECTOR_THREAD;
  return value === undefined ? __filename.endsWith('.js') : value === '1';
};

const trustProxyFromEnv = (env: NodeJS.ProcessEnv): number | string | undefined => {
  const value = env.THADS_TRUST_PROXY?.trim();
  if (!value) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
};
