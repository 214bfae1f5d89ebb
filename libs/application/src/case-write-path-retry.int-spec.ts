import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseCommand } from '@thads/domain';
import { collect, EventStore, openEventStore, SqliteEventStore } from '@thads/event-store';
import { describePostgres, scratchSchema } from '../../../test/support/postgres';
import { CaseWritePath } from './case-write-path';
import { RevisionConflict } from './errors';

/**
 * Issue #19.6: steps sent without expectedRevision lost races to each other and answered 409,
 * naming a revision the client never sent. Here five writers stand for five server processes (a
 * write path each, so each its own queue), four steps each, all at once on one case: the server
 * takes each on the case as it then stands. A step with an explicit revision still conflicts.
 */
const context = () => ({
  actor: { id: 'chv-07', role: 'enforcer' as const, unitId: 'kg-pq' },
  recordedAt: new Date('2026-01-10T03:00:00Z'),
  commandId: 'c',
  correlationId: 'c',
});
const receive: CaseCommand = {
  kind: 'receive',
  caseId: 'r-1',
  on: '2025-01-24',
  today: '2026-01-10',
  data: {
    unitId: 'kg-pq',
    origin: 'onRequest',
    judgment: { court: 'TAND', number: '45/2024/DS-ST', date: '2024-12-10' },
    creditor: { name: 'A' },
    debtor: { name: 'B' },
    amountDue: '228188311000',
  },
};
const step = (step: string, note?: string) =>
  ({ kind: 'step', caseId: 'r-1', step, on: '2025-02-20', today: '2026-01-10', data: { note } }) as CaseCommand;

const twentyAtOnce = async (stores: EventStore[]) => {
  const first = new CaseWritePath(stores[0]);
  await first.execute(receive, context());
  await first.execute(step('decide'), context());
  const writers = stores.map((s) => new CaseWritePath(s));
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      writers[i % writers.length].execute(step('verify', `verification ${i}`), context()),
    ),
  );
  expect(
    outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
  ).toEqual([]);
  const revisions = (await collect(stores[0].readStream('case-r-1'))).map((e) => Number(e.revision));
  expect(revisions).toEqual(Array.from({ length: 22 }, (_, i) => i));
  // With the revision stated, a stale one is the client's to resolve.
  await expect(writers[1].execute(step('verify'), context(), 5)).rejects.toBeInstanceOf(RevisionConflict);
};

describe('steps without expectedRevision racing on SQLite (five connections to one file)', () => {
  it('all land, one after another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-race-'));
    const stores = Array.from({ length: 5 }, () => new SqliteEventStore(join(dir, 'events.db')));
    try {
      await twentyAtOnce(stores);
    } finally {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describePostgres('steps without expectedRevision racing on PostgreSQL', () => {
  it('all land, one after another', async () => {
    const schema = scratchSchema('t_race');
    const stores = await Promise.all(Array.from({ length: 5 }, () => openEventStore(schema.url)));
    try {
      await twentyAtOnce(stores);
    } finally {
      for (const s of stores) await s.close();
      await schema.drop();
    }
  }, 60_000);
});
