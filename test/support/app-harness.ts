import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { AppConfig, Clock } from '@thads/application';
import { createApp } from '../../apps/api/src/create-app';
import { testFileEnded, track } from './leftovers';
import { StoresUnderTest, storesUnderTest } from './stores-under-test';

/** A clock the test moves by hand. */
export class FixedClock extends Clock {
  constructor(public instant = new Date('2026-11-22T03:00:00.000Z')) {
    super();
  }
  now() {
    return new Date(this.instant);
  }
}

export interface Harness {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataDir: string;
  clock: FixedClock;
  restart(): Promise<Harness>;
  close(): Promise<void>;
}

/** The real app on a fresh SQLite data directory, demo data off, served on an ephemeral port. */
export const startApp = async (
  options: {
    dataDir?: string;
    clock?: FixedClock;
    env?: NodeJS.ProcessEnv;
    stores?: StoresUnderTest;
    logTo?: DestinationStream;
    webDir?: string | false;
  } = {},
): Promise<Harness> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'thads-e2e-'));
  const clock = options.clock ?? new FixedClock();
  // A spec that names no store runs on the one its jest project puts under test (SQLite by default).
  const stores = options.stores ?? (options.env?.THADS_EVENT_STORE ? undefined : await storesUnderTest());
  const env = { ...stores?.env, ...options.env };
  // Development mode unless a test turns it off: the specs written before authentication act
  // as the system through X-Actor-* headers (a test's own headers or Bearer token override them).
  const config = AppConfig.fromEnv({
    THADS_DATA_DIR: dataDir,
    THADS_DEMO: '0',
    PORT: '0',
    THADS_DEV_ACTOR: '1',
    ...env,
  });
  // Silent, unless the test reads the log lines.
  const app = await createApp(
    config,
    options.logTo
      ? { clock, logTo: options.logTo, webDir: options.webDir }
      : { clock, logger: false, webDir: options.webDir },
  );
  await app.init();
  const closeAll = async () => {
    await app.close();
    await stores?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (testFileEnded()) {
    // A hook that ran past its bound started this after the file's end: nobody would close it.
    await closeAll();
    throw new Error('app started after its test file ended (a hook ran past its timeout); closed again');
  }
  const untrack = track(closeAll);
  const http = config.devActor
    ? request.agent(app.getHttpServer()).set('x-actor-role', 'system')
    : request.agent(app.getHttpServer());
  const harness: Harness = {
    app,
    http,
    dataDir,
    clock,
    // The same stores again: a restart must find what the first process wrote.
    restart: async () => {
      untrack();
      await app.close();
      return startApp({ dataDir, clock, env: options.env, stores, webDir: options.webDir });
    },
    close: async () => {
      untrack();
      await closeAll();
    },
  };
  return harness;
};

export const UNITS = [
  { unitId: 'vn', name: 'Cục Quản lý THADS', level: 'central' },
  { unitId: 'kg', name: 'THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' },
  { unitId: 'kg-pq', name: 'Chi cục THADS Phú Quốc', level: 'district', parentId: 'kg' },
  { unitId: 'kg-ab', name: 'Chi cục THADS An Biên', level: 'district', parentId: 'kg' },
];

export const registerUnits = async (h: Harness) => {
  for (const unit of UNITS) await h.http.post('/api/units').send(unit).expect(201);
};

export const newCase = (o: Record<string, unknown> = {}) => ({
  unitId: 'kg-pq',
  origin: 'onRequest',
  on: '2025-01-24',
  judgment: { court: 'TAND huyện Phú Quốc', number: '45/2024/DS-ST', date: '2024-12-10' },
  creditor: { name: 'Ngân hàng TMCP Công thương' },
  debtor: { name: 'Trần Văn Bình' },
  amountDue: '228188311000',
  ...o,
});
