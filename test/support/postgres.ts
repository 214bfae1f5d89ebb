import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

/** Tests that need PostgreSQL: where to find it, and whether it is there. */
export const postgresUrl = (): string => process.env.THADS_PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The URL as it may appear in a log line: without its password. */
export const describePostgresUrl = (url = postgresUrl()): string => url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');

let reachable: boolean | undefined;

/**
 * Jest collects tests synchronously, so whether to register the suite must be known before any
 * await: a child node process tries to connect and exits 0 or 1. Cached per module. The bound is
 * generous: a refused connection answers at once, but on a loaded machine starting node and
 * loading pg took more than the 3 s once allowed, and a CI run then failed "needs PostgreSQL".
 */
export const isPostgresReachable = (): boolean => {
  if (reachable !== undefined) return reachable;
  const script = `
    const { Client } = require(process.env.THADS_PG_PROBE_MODULE);
    const client = new Client({ connectionString: process.env.THADS_PG_PROBE_URL, connectionTimeoutMillis: 25000 });
    client.connect().then(() => client.query('SELECT 1')).then(() => client.end())
      .then(() => process.exit(0), () => process.exit(1));`;
  try {
    execFileSync(process.execPath, ['-e', script], {
      timeout: 30_000,
      stdio: 'ignore',
      env: { ...process.env, THADS_PG_PROBE_MODULE: require.resolve('pg'), THADS_PG_PROBE_URL: postgresUrl() },
    });
    reachable = true;
  } catch {
    reachable = false;
  }
  return reachable;
};

const inCi = (): boolean => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/**
 * `describe` when PostgreSQL answers. Otherwise one test in its place: on a laptop it passes with
 * a notice, so the rest of the suite stays usable; in CI (CI set) it fails, so a missing database
 * cannot turn the PostgreSQL contract into a silent pass.
 */
export const describePostgres = (name: string, fn: () => void): void => {
  if (isPostgresReachable()) {
    describe(name, fn);
    return;
  }
  const notice = `PostgreSQL not reachable at ${describePostgresUrl()}; skipping ${name}`;
  describe(name, () => {
    if (inCi()) {
      it('needs PostgreSQL in CI', () => {
        throw new Error(`${notice}. CI is set, so this fails: start PostgreSQL or set THADS_PG_TEST_URL.`);
      });
    } else {
      it('is not run: PostgreSQL is not reachable', () => {
        console.warn(`${notice} (set THADS_PG_TEST_URL, or start PostgreSQL; with CI set this fails)`);
      });
    }
  });
};

/** A fresh schema for one test's stores, as a URL with `?schema=`, and a way to drop it after. */
export const scratchSchema = (prefix: string): { url: string; drop: () => Promise<void> } => {
  const schema = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(postgresUrl());
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: postgresUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
};
