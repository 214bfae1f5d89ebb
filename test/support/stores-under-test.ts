import { startEsdbDouble } from './esdb-double';
import { describePostgresUrl, isPostgresReachable, scratchSchema } from './postgres';

export interface StoresUnderTest {
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

const inCi = (): boolean => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/**
 * The stores an e2e run puts under the API, from THADS_E2E_STORE (set by the jest projects
 * `e2e-postgres` and `e2e-esdb`): `postgres` = event store and read models in fresh PostgreSQL
 * schemas; `esdb` = the event store on EventStoreDB through the official client and the protocol
 * double; unset = SQLite files. Without PostgreSQL the `postgres` run falls back to SQLite with a
 * notice, except in CI, where it fails.
 */
export const storesUnderTest = async (): Promise<StoresUnderTest | undefined> => {
  const kind = process.env.THADS_E2E_STORE;
  if (!kind || kind === 'sqlite') return undefined;
  if (kind === 'postgres') {
    if (!isPostgresReachable()) {
      const notice = `PostgreSQL not reachable at ${describePostgresUrl()}`;
      if (inCi()) throw new Error(`${notice}; CI is set, so the e2e-postgres run fails`);
      console.warn(`${notice}: this e2e-postgres spec runs on SQLite instead`);
      return undefined;
    }
    const events = scratchSchema('t_e2e_events');
    const read = scratchSchema('t_e2e_read');
    return {
      env: { THADS_EVENT_STORE: events.url, THADS_READ_STORE: read.url },
      dispose: async () => {
        await events.drop();
        await read.drop();
      },
    };
  }
  if (kind === 'esdb') {
    const double = await startEsdbDouble();
    return { env: { THADS_EVENT_STORE: double.connectionString }, dispose: () => double.stop() };
  }
  throw new Error(`THADS_E2E_STORE must be sqlite, postgres or esdb, not ${kind}`);
};
