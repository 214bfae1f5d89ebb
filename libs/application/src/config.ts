import { join, resolve } from 'node:path';
import { AUTH_VARIABLES, AuthSettings, authSettingsFromEnv, DEFAULT_AUTH, devActorFromEnv } from './access/auth-settings';
import { ANCHOR_VARIABLES, AnchorSettings, anchorSettingsFromEnv } from './integrity/anchors/anchor-settings';

export type ProcessRole = 'all' | 'api' | 'projector';

/** Every environment variable the app reads; deployment files are checked against this list. */
export const CONFIG_VARIABLES = [
  'PORT', 'THADS_DATA_DIR', 'THADS_EVENT_STORE', 'THADS_READ_STORE', 'THADS_ROLE', 'THADS_DEMO',
  'THADS_DEV_ACTOR', 'THADS_CALENDAR_DIR', 'THADS_PROJECTOR_LEASE_MS', 'NODE_ENV', ...AUTH_VARIABLES, ...ANCHOR_VARIABLES,
] as const;

/** Configuration comes from the environment only (ARCHITECTURE.md §9); this is its one reader. */
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
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const dataDir = resolve(env.THADS_DATA_DIR ?? './data');
    const role = (env.THADS_ROLE ?? 'all') as ProcessRole;
    if (!['all', 'api', 'projector'].includes(role)) throw new Error(`THADS_ROLE must be all, api or projector, not ${role}`);
    const port = Number(env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
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
    );
  }

  get eventStoreKind(): 'sqlite' | 'postgres' | 'eventstoredb' {
    if (/^postgres(ql)?:\/\//.test(this.eventStore)) return 'postgres';
    if (/^esdb(\+discover)?:\/\//.test(this.eventStore)) return 'eventstoredb';
    return 'sqlite';
  }
}
