import { KnownCase } from '../decider';
import { CaseEvent } from '../events';
import { caseLifecycle } from './machine';
import { LifecycleContext } from './context';

/**
 * A folded case as plain JSON, for read models that must resume folding after a restart
 * without replaying the whole log. It is a cache: the event stream stays the truth, and a
 * projection rebuilt from zero never reads it. `machineVersion` changes whenever the machine's
 * shape does, and a cached case of another version is refolded (docs/architecture.md §3); the
 * fingerprint in libs/application/src/lifecycle/machine-version.spec.ts fails when it does not.
 */
// 4: the case keeps its interim measure and the day its judgment took effect, only a notice to the
// parties starts the voluntary period, and the auction contract is a step of its own.
// 5: a case may be transferred to another unit (CaseTransferred, docs/reorganisation.md); the context's unitId follows it.
// 6: what the case is about may be recorded in any state not final (`CaseKindsRecorded`, issue 27).
export const MACHINE_VERSION = 6;

export interface PersistedCase {
  machineVersion: number;
  caseId: string;
  unitId: string;
  origin: KnownCase['origin'];
  lastOn: string;
  enforcerId?: string;
  steps: ReadonlyArray<CaseEvent>;
  snapshot: unknown;
}

type JsonContext = Omit<LifecycleContext, 'amounts'> & { amounts: Record<keyof LifecycleContext['amounts'], string> };

export const persistCase = (state: KnownCase): PersistedCase => {
  const persisted = caseLifecycle.getPersistedSnapshot(state.lifecycle) as unknown as { context: LifecycleContext };
  const a = persisted.context.amounts;
  const context: JsonContext = {
    ...persisted.context,
    amounts: {
      due: a.due.toString(),
      collected: a.collected.toString(),
      disbursed: a.disbursed.toString(),
      reduced: a.reduced.toString(),
    },
  };
  return {
    machineVersion: MACHINE_VERSION,
    caseId: state.caseId,
    unitId: state.unitId,
    origin: state.origin,
    lastOn: state.lastOn,
    enforcerId: state.enforcerId,
    steps: state.steps,
    snapshot: { ...persisted, context },
  };
};

export const restoreCase = (persisted: PersistedCase): KnownCase | undefined => {
  if (persisted.machineVersion !== MACHINE_VERSION) return undefined;
  const snapshot = persisted.snapshot as { context: JsonContext };
  const a = snapshot.context.amounts;
  const context: LifecycleContext = {
    ...snapshot.context,
    amounts: {
      due: BigInt(a.due),
      collected: BigInt(a.collected),
      disbursed: BigInt(a.disbursed),
      reduced: BigInt(a.reduced),
    },
  };
  // restoreSnapshot revives the history value (where a postponed case resumes); it needs an actor
  // scope only to respawn children, and this machine has none, so none is given.
  const lifecycle = caseLifecycle.restoreSnapshot(
    { ...(snapshot as object), context } as unknown as Parameters<typeof caseLifecycle.restoreSnapshot>[0],
    undefined as unknown as Parameters<typeof caseLifecycle.restoreSnapshot>[1],
  ) as KnownCase['lifecycle'];
  return {
    status: 'known',
    caseId: persisted.caseId,
    unitId: persisted.unitId,
    origin: persisted.origin,
    lastOn: persisted.lastOn,
    enforcerId: persisted.enforcerId,
    steps: persisted.steps ?? [],
    lifecycle,
  };
};
