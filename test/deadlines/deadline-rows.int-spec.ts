import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, demoLines } from '@thads/application';
import { DEADLINE_STATUSES } from '@thads/domain';
import { EventStore, openEventStore } from '@thads/event-store';
import {
  CaseStepQueries,
  createProjections,
  DeadlineRowQueries,
  openReadStore,
  Projector,
  ReadStore,
  UnitQueries,
} from '@thads/projections';
import { DeadlineEngine } from '../../apps/api/src/deadlines/deadline-engine';
import { DeadlineFilter, DeadlineQueries } from '../../apps/api/src/deadlines/deadline-queries';
import { importLines } from '../support/import-once';

/**
 * The deadlines read model against the engine it replaces: for a generated history (postponed,
 * suspended, separately tracked, auctioned cases among them), every page of the board, its total
 * and its counts by unit, as of days before, within and after the history, equal what evaluating
 * every case's steps gives (the board before issue 24).
 */
describe('the deadlines read model', () => {
  let dir: string;
  let store: EventStore;
  let read: ReadStore;
  let queries: DeadlineQueries;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thads-deadline-rows-'));
    store = await openEventStore(join(dir, 'events.db'));
    await importLines(store, [...demoLines('2026-11-22', { cases: 160, seed: 7 })]);
    read = openReadStore(join(dir, 'read.db'));
    await new Projector(store, read, createProjections()).catchUp();
    const engine = new DeadlineEngine({ calendarDir: join(dir, 'no-calendar') } as AppConfig);
    queries = new DeadlineQueries(
      new UnitQueries(read),
      new CaseStepQueries(read),
      new DeadlineRowQueries(read),
      engine,
    );
  }, 120_000);

  afterEach(() => expect(queries.disagreements).toBe(0));

  afterAll(async () => {
    await read?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const DAYS = ['2024-12-31', '2025-06-15', '2026-02-28', '2026-07-01', '2026-11-22', '2027-03-01'];

  const samePages = async (filter: DeadlineFilter, limit: number) => {
    const all = await queries.evaluated(filter);
    for (let offset = 0; offset < all.length + limit; offset += limit) {
      const page = await queries.page(filter, offset, limit);
      expect(page.total).toBe(all.length);
      expect(page.items).toEqual(all.slice(offset, offset + limit));
    }
    return all.length;
  };

  it.each(DAYS)('pages the whole board as of %s as the engine orders it', async (asOf) => {
    expect(await samePages({ unitId: 'vn', asOf }, 97)).toBeGreaterThan(0);
  });

  it.each(DAYS)('filters by status, rule and unit as of %s', async (asOf) => {
    await samePages({ unitId: 'vn', asOf, statuses: ['late', 'overdue'] }, 13);
    await samePages({ unitId: 'vn', asOf, statuses: ['open'] }, 50);
    await samePages({ unitId: 'vn', asOf, rule: 'voluntary-period' }, 20);
    const units = await new UnitQueries(read).list();
    const province = units.find((u) => u.level === 'province')!;
    await samePages({ unitId: province.unitId, asOf, statuses: ['overdue', 'cancelled'] }, 7);
  });

  it('counts by unit and status as the engine does', async () => {
    for (const asOf of DAYS) {
      const all = await queries.evaluated({ unitId: 'vn', asOf });
      const byUnit = await queries.byUnit({ unitId: 'vn', asOf });
      for (const status of DEADLINE_STATUSES)
        expect([status, byUnit.total[status]]).toEqual([status, all.filter((d) => d.status === status).length]);
      expect(byUnit.total.total).toBe(all.length);
    }
  });

  it('stores versions for paused cases, evaluated when asked', async () => {
    const [{ n }] = await read.all<{ n: number | bigint }>(
      `SELECT count(*) AS n FROM deadline_rows WHERE state = 'volatile'`,
    );
    expect(Number(n)).toBeGreaterThan(0);
  });
});
