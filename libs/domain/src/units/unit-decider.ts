import { assertNever } from '../assert-never';
import { Decider } from '../deciding';
import { LocalDate } from '../local-date';
import { UNIT_REGISTERED, UnitEvent, UnitRegisteredData } from './unit-events';
import { UnitRuleViolation } from './unit-errors';
import { assertRegistrable } from './unit-rules';

/** A unit stream folded: nothing yet, or the unit as registered. */
export type UnitState = { status: 'unknown' } | { status: 'known'; unit: UnitRegisteredData };

/**
 * Register a unit. `parent` is the parent as the registry found it (undefined when it found none),
 * looked up before deciding so that the decision stays pure; `on` is the local date of the clock.
 */
export interface RegisterUnit {
  kind: 'register';
  unit: UnitRegisteredData;
  parent?: UnitRegisteredData;
  on: LocalDate;
}

/** Every unit command; a new kind joins this union, a case in `decide` and one in `evolve`. */
export type UnitCommand = RegisterUnit;

const evolve = (state: UnitState, event: UnitEvent): UnitState => {
  switch (event.type) {
    case UNIT_REGISTERED:
      return state.status === 'known' ? state : { status: 'known', unit: event.data };
    default:
      // An event kind this version does not know (written by a newer one) changes nothing it relies on.
      return state;
  }
};

const decide = (command: UnitCommand, state: UnitState): UnitEvent[] => {
  switch (command.kind) {
    case 'register': {
      const { unit } = command;
      assertRegistrable(unit, command.parent);
      if (state.status === 'known')
        throw new UnitRuleViolation('unit.already-exists', unit.unitId, `đơn vị ${unit.unitId} đã tồn tại`);
      return [{ type: UNIT_REGISTERED, data: unit, on: command.on }];
    }
    default:
      return assertNever(command.kind);
  }
};

/** The rules of a unit stream (`unit-<id>`), run by the application's one write path. */
export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  initialState: () => ({ status: 'unknown' }),
  evolve,
  decide,
};
