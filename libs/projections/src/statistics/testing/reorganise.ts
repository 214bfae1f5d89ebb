import { randomUUID } from 'node:crypto';
import {
  addDays,
  evolveUnit,
  FINAL_STATES,
  planReorganisation,
  Reorganise,
  ReorganisationPlan,
  stateNameOf,
  UNIT_REGISTERED,
  UNIT_REORGANISED,
  UnitHistory,
  unitStream,
  versionOn,
} from '@thads/domain';
import { collect, NO_STREAM } from '@thads/event-store';
import { LedgerHarness } from './ledger-harness';

const meta = (on: string, recordedAt: string) => ({ schemaVersion: 1, on, recordedAt });

/** Every unit's history as the log holds it now (the unit streams folded). */
const unitHistories = async (h: LedgerHarness): Promise<Map<string, UnitHistory>> => {
  const units = new Map<string, UnitHistory>();
  for (const e of await collect(h.store.readAll())) {
    if (!e.streamId.startsWith('unit-')) continue;
    const unitId = (e.data as { unitId: string }).unitId;
    const next = evolveUnit(units.get(unitId), e);
    if (next) units.set(unitId, next);
  }
  return units;
};

/**
 * A reorganisation as the application records it (libs/application/src/reorganise-units.ts), on
 * the harness's store: the new units, every unit's UnitReorganised, then a transfer step for each
 * open case of a closing unit. `assign` places the open cases of a split (or closed) unit.
 */
export const reorganise = async (
  h: LedgerHarness,
  r: Reorganise,
  caseIds: string[],
  assign?: (open: Array<{ caseId: string; unitId: string }>) => Record<string, string>,
): Promise<ReorganisationPlan> => {
  const units = await unitHistories(h);
  const open: Array<{ caseId: string; unitId: string }> = [];
  for (const caseId of caseIds) {
    const s = await h.stateOf(caseId);
    if (s.status === 'known' && !FINAL_STATES.includes(stateNameOf(s.lifecycle)))
      open.push({ caseId, unitId: s.unitId });
  }
  const before = addDays(r.on, -1);
  const plan = planReorganisation(
    { ...r, ...(assign && { assign: assign(open) }) },
    {
      units,
      subunitsOf: (id) => [...units.values()].filter((u) => versionOn(u, before).parentId === id).map((u) => u.unitId),
      openCases: open,
    },
  );
  const recordedAt = `${r.on}T10:00:00.000Z`;
  for (const u of plan.newUnits)
    await h.store.appendToStream(
      unitStream(u.unitId),
      [{ id: randomUUID(), type: UNIT_REGISTERED, data: { ...u }, metadata: meta(r.on, recordedAt) }],
      NO_STREAM,
    );
  for (const e of plan.unitEvents)
    await h.store.appendToStream(
      unitStream(e.unitId),
      [{ id: randomUUID(), type: UNIT_REORGANISED, data: { ...e } as never, metadata: meta(r.on, recordedAt) }],
      'any',
    );
  for (const t of plan.transfers)
    if (
      !(await h.step(t.caseId, {
        step: 'transfer',
        on: r.on,
        data: { toUnitId: t.toUnitId, reorganisationId: r.reorganisationId },
        recordedAt,
      }))
    )
      throw new Error(`the transfer of ${t.caseId} to ${t.toUnitId} was refused`);
  return plan;
};
