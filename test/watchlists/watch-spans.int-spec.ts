import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { addDays, createWorkingDayCalendar, LocalDate, SHIPPED_ANNOUNCED_YEARS } from '@thads/domain';
import { EventStore, openEventStore } from '@thads/event-store';
import {
  CaseAtRow,
  casesAt,
  CaseStepQueries,
  createProjections,
  describeCases,
  judge,
  moneyOf,
  openReadStore,
  OPEN_WITH_CONDITIONS,
  OutlookQueries,
  Projector,
  ReadStore,
  reportingYearOf,
  StatisticsQueries,
  summariseCases,
  UnitQueries,
  WATCH_LISTS,
  WatchListQueries,
  WatchSpanQueries,
} from '@thads/projections';
import { importLines } from '../support/import-once';
import { describePostgres, scratchSchema } from '../support/postgres';

const calendar = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS]);
const DAYS: LocalDate[] = [
  '2022-09-30',
  '2023-06-30',
  '2024-02-29',
  '2024-09-30',
  '2025-03-31',
  '2025-10-01',
  '2026-06-30',
  '2026-11-22',
  '2027-12-31',
];
/** Cases with conditions for years, auctions, sales, corruption cases, received from 2021 on. */
const HISTORY = [
  ...demoLines('2026-11-22', { cases: 700, seed: 27, start: '2021-10-01', watchCases: 80, seasonal: true }),
];

/**
 * The watch lists as the issue first built them, kept here as the reference: every case of the
 * units evaluated one by one from the ledger's per-case moves (cases-at.ts), sorted with
 * `localeCompare` as that code did.
 */
const reference = (cases: CaseAtRow[], asOf: LocalDate) => ({
  summary: WATCH_LISTS.map((l) => ({ id: l.id, ...summariseCases(l, cases, asOf) })),
  list: (id: string) => {
    const list = WATCH_LISTS.find((l) => l.id === id)!;
    return cases
      .filter((c) => judge(list.rule, c, asOf) === 'in')
      .map((c) => ({ c, money: moneyOf(list.rule, c) }))
      .sort((a, b) => (a.money === b.money ? a.c.caseId.localeCompare(b.c.caseId) : a.money > b.money ? -1 : 1));
  },
  open: cases
    .filter((c) => c.withConditions)
    .sort((a, b) =>
      a.remaining === b.remaining ? a.caseId.localeCompare(b.caseId) : a.remaining > b.remaining ? -1 : 1,
    ),
});

/**
 * The spans (watch-spans.projection.ts) against the evaluation they replace: over a generated
 * history, for every unit and on days before, within and after it, every list's count, money,
 * change since 1 October, unknown kinds and every page, and the outlook's open cases, equal what
 * evaluating every case gives.
 */
const sameAnswers = (open: () => Promise<{ store: EventStore; read: ReadStore; close: () => Promise<void> }>) => {
  let store: EventStore;
  let read: ReadStore;
  let close: () => Promise<void>;
  let units: string[];

  beforeAll(async () => {
    ({ store, read, close } = await open());
    await importLines(store, HISTORY);
    await new Projector(store, read, createProjections()).catchUp();
    units = (await new UnitQueries(read).list()).map((u) => u.unitId);
  }, 600_000);
  afterAll(() => close?.());

  it.each(DAYS)('every list of every unit as of %s', async (asOf) => {
    const lists = new WatchListQueries(read, () => calendar);
    const steps = new CaseStepQueries(read);
    const eve = `${reportingYearOf(asOf) - 1}-09-30`;
    let listed = 0;
    for (const unitId of units) {
      const unitIds = await new UnitQueries(read).subtree(unitId);
      const now = reference(await casesAt(read, { unitIds, asOf }), asOf);
      const before = reference(await casesAt(read, { unitIds, asOf: eve }), eve);
      const summary = await lists.summary({ unitId, asOf });
      expect(
        summary.map((l) => [l.id, l.cases, l.money, l.unknownKind, l.sinceYearStart.cases, l.sinceYearStart.money]),
      ).toEqual(
        now.summary.map((l, i) => [
          l.id,
          l.n,
          l.money.toString(),
          l.unknown,
          l.n - before.summary[i].n,
          (l.money - before.summary[i].money).toString(),
        ]),
      );
      for (const list of WATCH_LISTS) {
        const expected = now.list(list.id);
        const described = await describeCases(
          steps,
          calendar,
          expected.map((e) => e.c),
          asOf,
        );
        const items = described.map((d, i) => ({ ...d, money: expected[i].money.toString() }));
        // Pages of an odd size, so that pages end inside runs of equal money.
        for (let offset = 0; offset === 0 || offset < items.length; offset += 7) {
          const page = await lists.cases(list, { unitId, asOf, limit: 7, offset });
          expect(page.total).toBe(items.length);
          expect(page.money).toBe(expected.reduce((t, e) => t + e.money, 0n).toString());
          expect(page.items).toEqual(items.slice(offset, offset + 7));
        }
        listed += items.length;
      }
      const spans = new WatchSpanQueries(read);
      const total = (await spans.counts(unitIds, [asOf])).get(OPEN_WITH_CONDITIONS)?.[0].n ?? 0;
      expect(total).toBe(now.open.length);
      const every = unitIds.length === units.length;
      for (const offset of [0, 13, Math.max(0, total - 5)]) {
        const page = await spans.page(OPEN_WITH_CONDITIONS, { unitIds, every, asOf, limit: 11, offset, total });
        expect(page.map((m) => m.case)).toEqual(now.open.slice(offset, offset + 11));
      }
    }
    if (asOf >= '2023-06-30') expect(listed).toBeGreaterThan(0);
  });

  // A list changes on the day a case completes its years with conditions: every third day meets many such days.
  it('the counts of the nation and of a province on every third day from 2022 to 2027', async () => {
    const lists = new WatchListQueries(read, () => calendar);
    const province = (await new UnitQueries(read).list()).find((u) => u.level === 'province')!.unitId;
    let seen = 0;
    for (const unitId of ['vn', province]) {
      const unitIds = await new UnitQueries(read).subtree(unitId);
      for (let asOf = '2022-01-01'; asOf < '2027-01-01'; asOf = addDays(asOf, 3)) {
        const expected = reference(await casesAt(read, { unitIds, asOf }), asOf).summary;
        const summary = await lists.summary({ unitId, asOf });
        expect(summary.map((l) => [l.id, l.cases, l.money, l.unknownKind])).toEqual(
          expected.map((l) => [l.id, l.n, l.money.toString(), l.unknown]),
        );
        seen += summary.reduce((t, l) => t + l.cases, 0);
      }
    }
    expect(seen).toBeGreaterThan(1000);
  });

  it.each(['2024-12-31', '2026-06-30', '2026-11-22'])(
    "the outlook's tallies as of %s are the reports' of the same periods, read in one pass",
    async (asOf) => {
      const outlook = new OutlookQueries(read, () => calendar);
      const statistics = new StatisticsQueries(read);
      const year = reportingYearOf(asOf);
      const periods = [year, year - 1, year - 2, year - 3].flatMap((y) => [
        { from: `${y - 1}-10-01`, to: y === year ? asOf : `${y}-${asOf.slice(5)}` },
        { from: `${y - 1}-10-01`, to: `${y}-09-30` },
      ]);
      for (const unitId of units)
        for (const knownAt of [undefined, { position: 10n ** 15n }]) {
          const tallies = await outlook.tallies(unitId, periods, knownAt);
          const reports = await Promise.all(periods.map((p) => statistics.report({ unitId, ...p, knownAt })));
          expect(tallies).toEqual(
            reports.map((r) => ({
              cases: { resolved: r.cases.resolved, withConditions: r.cases.withConditions },
              money: { resolved: Number(r.money.resolved), withConditions: Number(r.money.withConditions) },
            })),
          );
        }
    },
  );

  it.each(['2025-03-31', '2026-06-30', '2026-11-22'])(
    "the outlook's cases that would close the gap as of %s, as read from the moves",
    async (asOf) => {
      const outlook = new OutlookQueries(read, () => calendar);
      for (const unitId of units) {
        const q = { unitId, year: reportingYearOf(asOf), asOf, limit: 25 };
        const fromSpans = await outlook.outlook(q);
        expect(fromSpans).toEqual(await outlook.outlook({ ...q, knownAt: { position: 10n ** 15n } }));
        if (unitId === 'vn') expect(fromSpans.closeTheGap).toHaveLength(25);
      }
    },
  );
};

describe('watch lists read from spans, against evaluating every case (SQLite)', () => {
  sameAnswers(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-watch-spans-'));
    const store = await openEventStore(join(dir, 'events.db'));
    const read = openReadStore(join(dir, 'read.db'));
    return {
      store,
      read,
      close: async () => {
        await read.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describePostgres('watch lists read from spans, against evaluating every case (PostgreSQL read store)', () => {
  sameAnswers(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-watch-spans-pg-'));
    const schema = scratchSchema('watch_spans');
    const store = await openEventStore(join(dir, 'events.db'));
    const read = openReadStore(schema.url);
    return {
      store,
      read,
      close: async () => {
        await read.close();
        await store.close();
        await schema.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
