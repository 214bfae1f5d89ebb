import { Actor, CaseCommand, CaseState, KnownCase, stepOfEventType, TakeStep } from '@thads/domain';
import { caseOutOfScope, Forbidden } from './forbidden';
import { OtherRight, RIGHTS, StepRight } from './rights';
import { UnitScope } from './unit-scope';

/**
 * A correction voids the latest step, so it takes the right of the step it voids: an enforcer
 * may correct their own verification, not the head's decision. When the named event is not an
 * effective step (the decider will refuse it), any step right on the case will do.
 */
const judgedStep = (command: TakeStep, state: CaseState): StepRight | 'any' => {
  if (command.step !== 'correct') return command.step;
  const id = (command.data as { correctsEventId?: string }).correctsEventId;
  const corrected = state.status === 'known' ? state.steps.find((e) => e.id === id) : undefined;
  const step = corrected && stepOfEventType(corrected.type);
  return step && step !== 'correct' ? step : 'any';
};

const hasStep = (actor: Actor, step: StepRight | 'any') =>
  step === 'any' ? Object.keys(RIGHTS[actor.role].steps).length > 0 : RIGHTS[actor.role].steps[step] !== undefined;

const noRight = (actor: Actor, what: string, right: string) =>
  new Forbidden(
    actor,
    what,
    `${RIGHTS[actor.role].title} (${actor.role}) has no right '${right}' (${RIGHTS[actor.role].basis})`,
  );

/**
 * Whether this person may take this step on this case: the rights table says what, the unit
 * tree says where, and an enforcer acts only on the cases assigned to them (Luật THADS Điều 20.1).
 */
export const assertMayTakeStep = async (
  actor: Actor,
  caseState: KnownCase,
  step: StepRight | 'any',
  units: UnitScope,
  what = `take step '${step}' on case ${caseState.caseId}`,
): Promise<void> => {
  if (actor.role === 'system') return;
  if (!hasStep(actor, step)) throw noRight(actor, what, step);
  if (!(await units.contains(actor.unitId, caseState.unitId))) throw caseOutOfScope(actor, what, caseState.unitId);
  if (RIGHTS[actor.role].assignedCasesOnly && caseState.enforcerId !== actor.id) {
    throw new Forbidden(
      actor,
      what,
      `the case is assigned to ${caseState.enforcerId ?? 'no enforcer yet'}, not to ${actor.id} (Luật THADS Điều 20.1: vụ việc được phân công)`,
    );
  }
};

export class AccessPolicy {
  constructor(readonly units: UnitScope) {}

  /** The write path's check, on the case as folded and before deciding; throws Forbidden. */
  async assertMayExecute(actor: Actor, command: CaseCommand, state: CaseState, today?: string): Promise<void> {
    // A unit a reorganisation ended writes nothing from its closing day: its successor acts (docs/reorganisation.md).
    const closed =
      actor.role === 'system' || today === undefined ? undefined : await this.units.closedSince?.(actor.unitId);
    if (closed !== undefined && today! >= closed)
      throw new Forbidden(
        actor,
        command.kind === 'receive'
          ? `receive case ${command.caseId}`
          : `take step '${command.step}' on case ${command.caseId}`,
        `unit ${actor.unitId} was closed by a reorganisation on ${closed}: its successor acts (NQ 190/2025/QH15; docs/reorganisation.md)`,
      );
    if (command.kind === 'receive') return this.assertMayReceive(actor, command.caseId, command.data.unitId);
    const step = judgedStep(command, state);
    const what =
      command.step === 'correct'
        ? `correct a '${step}' step on case ${command.caseId}`
        : `take step '${step}' on case ${command.caseId}`;
    if (actor.role !== 'system' && !hasStep(actor, step))
      throw noRight(actor, what, step === 'any' ? 'any case step' : step);
    // An unknown case: the decider answers 404, there being nothing to guard.
    if (state.status === 'known') await assertMayTakeStep(actor, state, step, this.units, what);
  }

  private async assertMayReceive(actor: Actor, caseId: string, unitId: string): Promise<void> {
    const what = `receive case ${caseId} into unit ${unitId}`;
    if (actor.role === 'system') return;
    if (!RIGHTS[actor.role].steps.receive) throw noRight(actor, what, 'receive');
    if (!(await this.units.contains(actor.unitId, unitId)))
      throw new Forbidden(actor, what, `unit ${unitId} is outside the scope of unit ${actor.unitId}`);
  }

  /** A read (or a non-step act) over these units: the role must hold the right, each unit lie in scope. */
  async assertMay(actor: Actor, right: OtherRight, unitIds: ReadonlyArray<string>, what: string): Promise<void> {
    if (actor.role === 'system') return;
    if (!RIGHTS[actor.role].rights[right]) throw noRight(actor, what, right);
    for (const unitId of unitIds) {
      if (!(await this.units.contains(actor.unitId, unitId)))
        throw new Forbidden(actor, what, `unit ${unitId} is outside the scope of unit ${actor.unitId}`);
    }
  }

  /** Before the body is even validated: a role with no such step (or none at all) is refused at once. */
  assertHasStep(actor: Actor, step: StepRight | 'any', what: string): void {
    if (actor.role !== 'system' && !hasStep(actor, step))
      throw noRight(actor, what, step === 'any' ? 'any case step' : step);
  }

  /** A read of one case: the right, and the case's unit within scope (a refusal does not name that unit). */
  async assertMayOnCase(actor: Actor, right: OtherRight, caseUnitId: string, what: string): Promise<void> {
    this.assertHas(actor, right, what);
    if (actor.role !== 'system' && !(await this.units.contains(actor.unitId, caseUnitId)))
      throw caseOutOfScope(actor, what, caseUnitId);
  }

  /** A right that needs no unit (the role alone decides). */
  assertHas(actor: Actor, right: OtherRight, what: string): void {
    if (actor.role !== 'system' && !RIGHTS[actor.role].rights[right]) throw noRight(actor, what, right);
  }

  isNational(actor: Actor): Promise<boolean> {
    return actor.role === 'system' ? Promise.resolve(true) : this.units.isNational(actor.unitId);
  }
}
