import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { CREDITORS, DEMO_UNITS, GIVEN, SURNAMES, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { caseListProjection, caseSearchText, ddlTypes, NO_DEADLINE } from '@thads/projections';
import { CLI_ACTOR } from '../context';

/** A small deterministic generator, so two runs build the same store. */
const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

export interface DeskUnits {
  all: string[];
  districts: string[];
  province: { id: string; districts: string[] };
  district: string;
}

/**
 * The nation's shape: the demo's units (so the demo users exist) and 61 more provinces of 10
 * districts each, about as many offices as Việt Nam has (docs/domain.md §6.2).
 */
export const registerDeskUnits = async (eventStoreFile: string): Promise<DeskUnits> => {
  const store = new SqliteEventStore(eventStoreFile);
  const registry = new UnitRegistry(store);
  const context = () => ({
    actor: CLI_ACTOR,
    recordedAt: new Date(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
  });
  const units: Array<{ unitId: string; name: string; level: string; parentId?: string }> = DEMO_UNITS.map((u) => ({
    ...u,
  }));
  for (let p = 1; p <= 61; p++) {
    const province = `p${String(p).padStart(2, '0')}`;
    units.push({ unitId: province, name: `Cục THADS tỉnh ${p}`, level: 'province', parentId: 'vn' });
    for (let d = 1; d <= 10; d++)
      units.push({
        unitId: `${province}-d${d}`,
        name: `Chi cục THADS huyện ${p}.${d}`,
        level: 'district',
        parentId: province,
      });
  }
  try {
    for (const unit of units) await registry.register(unit as Parameters<UnitRegistry['register']>[0], context());
  } finally {
    await store.close();
  }
  const districts = units.filter((u) => u.level === 'district').map((u) => u.unitId);
  return {
    all: units.map((u) => u.unitId),
    districts,
    province: { id: 'kg', districts: ['kg', ...districts.filter((d) => d.startsWith('kg-'))] },
    district: 'kg-pq',
  };
};

const STATES = [
  'received',
  'decided',
  'verified',
  'classified.withConditions',
  'classified.withoutConditions',
  'seized',
  'postponed',
  'completed',
  'terminated',
] as const;
const CLASS: Record<string, string> = {
  received: 'notAccepted',
  decided: 'unclassified',
  verified: 'unclassified',
  'classified.withConditions': 'inProgress',
  seized: 'inProgress',
  'classified.withoutConditions': 'withoutConditions',
  postponed: 'postponed',
  completed: 'completed',
  terminated: 'terminated',
};
const DAY = 86_400_000;
const dateAfter = (start: number, days: number) => new Date(start + days * DAY).toISOString().slice(0, 10);

/**
 * Fills the case list and the case steps of a read store (its schema already created by the app)
 * with `cases` rows over the districts: what the desk reads, written directly, since generating and
 * importing a million-case history takes an hour here (bench-scale.ts). The indexes are dropped
 * and built again after the rows, as a rebuild's bulk load does.
 */
export const fillDeskReadStore = (readStoreFile: string, districts: ReadonlyArray<string>, cases: number): void => {
  const db = new Database(readStoreFile);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const schema = caseListProjection().schema(ddlTypes('sqlite'));
    for (const [, name] of schema.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g))
      db.exec(`DROP INDEX IF EXISTS ${name}`);
    db.exec('DELETE FROM cases; DELETE FROM case_steps;');
    const insertCase =
      db.prepare(`INSERT INTO cases (case_id, unit_id, origin, state, statistic_class, due, collected, disbursed, reduced, received_on, last_on,
      revision, position, enforcer_id, creditor, debtor, judgment_number, next_due, next_rule, search) VALUES (${Array(20).fill('?').join(',')})`);
    const insertSteps = db.prepare('INSERT INTO case_steps (case_id, unit_id, first_on, steps) VALUES (?, ?, ?, ?)');
    const random = lcg(2026);
    const pick = <T>(list: ReadonlyArray<T>): T => list[Math.floor(random() * list.length)];
    const start = Date.parse('2024-10-01T00:00:00Z');
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const unitId = districts[i % districts.length];
        const caseId = `${unitId}-${String(i).padStart(7, '0')}`;
        const received = dateAfter(start, Math.floor(random() * 780));
        const state = pick(STATES);
        const origin = random() < 0.7 ? 'onRequest' : 'exOfficio';
        const debtor = `${pick(SURNAMES)} ${pick(GIVEN)}`;
        const creditor = random() < 0.5 ? pick(CREDITORS) : `${pick(SURNAMES)} ${pick(GIVEN)}`;
        const number = `${1 + Math.floor(random() * 400)}/${received.slice(0, 4)}/DS-ST`;
        const due = String(Math.floor(random() * 5_000) * 1_000_000);
        const open = state !== 'completed' && state !== 'terminated' && random() < 0.85;
        const nextDue = open ? dateAfter(Date.parse(received), 5 + Math.floor(random() * 200)) : NO_DEADLINE;
        insertCase.run(
          caseId,
          unitId,
          origin,
          state,
          CLASS[state],
          due,
          '0',
          '0',
          '0',
          received,
          received,
          1,
          i + 1,
          random() < 0.8 ? `chv-${unitId}-${1 + Math.floor(random() * 4)}` : null,
          creditor,
          debtor,
          number,
          nextDue,
          open ? 'decide-on-request' : null,
          caseSearchText({ caseId, judgmentNumber: number, creditor, debtor }),
        );
        insertSteps.run(
          caseId,
          unitId,
          received,
          JSON.stringify([{ step: 'receive', on: received, data: { origin } }]),
        );
      }
    });
    for (let from = 0; from < cases; from += 20_000) batch(from, Math.min(cases, from + 20_000));
    db.exec(schema);
  } finally {
    db.close();
  }
};
