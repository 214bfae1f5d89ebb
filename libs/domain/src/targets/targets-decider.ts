import { Decider } from '../deciding';
import { LocalDate } from '../local-date';
import { TARGETS_SET, TargetsEvent, TargetsSetData } from './targets-events';

/** A targets stream folded: the targets in force (the latest set), if any. */
export type TargetsState = { status: 'unset' } | { status: 'set'; targets: TargetsSetData };

/** Set a unit's targets for a year; `on` is the local date of the clock. */
export interface SetUnitTargets {
  kind: 'set';
  targets: TargetsSetData;
  on: LocalDate;
}

/**
 * The rules of a targets stream (`targets-<unit>-<year>`): any setting replaces the one before,
 * so the latest event is the whole state. The rates' form is checked at the edge (the request's
 * validation); that the unit exists, by the registry before deciding; who wins a race, by the
 * expected revision of the append.
 */
export const targetsDecider: Decider<SetUnitTargets, TargetsEvent, TargetsState> = {
  initialState: () => ({ status: 'unset' }),
  evolve: (_state, event) => ({ status: 'set', targets: event.data }),
  decide: (command) => [{ type: TARGETS_SET, data: command.targets, on: command.on }],
};
