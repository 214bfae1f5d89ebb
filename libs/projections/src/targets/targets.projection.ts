import { ProjectedEvent, Projection } from '../runtime/projection';
import { DdlTypes } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';
import { TARGETS_SET, TargetsSetData } from '@thads/domain';

const TARGETS: TableSpec = {
  table: 'unit_targets',
  columns: ['unit_id', 'year', 'cases', 'money', 'periods', 'set_on', 'position'],
  key: ['unit_id', 'year'],
};

/** The targets in force per unit and reporting year: the latest TargetsSet of each stream. */
export const targetsProjection = (): Projection => ({
  name: 'targets',
  version: 1,
  tables: ['unit_targets'],
  schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS unit_targets (
    unit_id TEXT NOT NULL, year INTEGER NOT NULL, cases TEXT NOT NULL, money TEXT NOT NULL, periods TEXT NOT NULL,
    set_on TEXT NOT NULL, position ${t.int64} NOT NULL, PRIMARY KEY (unit_id, year))`,
  apply: (out: RowWrites, { recorded, metadata }: ProjectedEvent) => {
    if (recorded.type !== TARGETS_SET) return;
    const t = recorded.data as unknown as TargetsSetData;
    out.upsert(TARGETS, [
      t.unitId,
      t.year,
      t.cases,
      t.money,
      JSON.stringify(t.periods ?? {}),
      metadata?.on ?? '',
      recorded.position,
    ]);
  },
});
