import { assertNever } from '../assert-never';
import { Decider } from '../deciding';
import { CaseRuleViolation } from '../errors';
import { LocalDate } from '../local-date';
import { UNIT_REGISTERED, UnitEvent, UnitRegisteredData } from './unit-events';
import { UnitRuleViolation } from './unit-errors';
import { evolveUnit, UNIT_REORGANISED, UnitHistory, UnitReorganisedData } from './unit-history';
import { assertRegistrable } from './unit-rules';

/** A unit stream folded: nothing yet, or the unit as registered with its history since (unit-history.ts). */
export type UnitState = { status: 'unknown' } | { status: 'known'; unit: UnitRegisteredData; history: UnitHistory };

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

/**
 * One unit's part in a reorganisation (docs/reorganisation.md): what planReorganisation
 * (reorganisation.ts) changes in it, and for a successor it establishes, its registration. The
 * parts of one reorganisation are appended together (the write path's `executeTogether`).
 */
export interface ReorganiseUnit {
  kind: 'reorganise';
  change: UnitReorganisedData;
  /** A new successor: registered from the effective date, then reorganised, on a stream not written yet. */
  registered?: UnitRegisteredData;
}

/** Every unit command; a new kind joins this union, a case in `decide` and one in `evolve`. */
export type UnitCommand = RegisterUnit | ReorganiseUnit;

const evolve = (state: UnitState, event: UnitEvent): UnitState => {
  switch (event.type) {
    case UNIT_REGISTERED:
      return state.status === 'known'
        ? state
        : { status: 'known', unit: event.data, history: evolveUnit(undefined, event)! };
    case UNIT_REORGANISED:
      return state.status === 'known' ? { ...state, history: evolveUnit(state.history, event)! } : state;
    default:
      // An event kind this version does not know (written by a newer one) changes nothing it relies on.
      return state;
  }
};

/** The unit changed meanwhile (another reorganisation, the same one sent twice at once): read again. */
export const changedMeanwhile = (change: UnitReorganisedData) =>
  new CaseRuleViolation(
    'reorganisation.already-recorded',
    change.reorganisationId,
    'một đơn vị vừa được thay đổi bởi thao tác khác; đọc lại và thử lại',
  );

/**
 * A unit's part in a reorganisation, on its stream as it stands: a new successor's stream is not
 * written yet, any other unit is registered and has not recorded this reorganisation already. The
 * rules across units (which units, which dates) were judged by planReorganisation on the units read.
 */
const reorganise = ({ change, registered }: ReorganiseUnit, state: UnitState): UnitEvent[] => {
  const reorganised: UnitEvent = { type: UNIT_REORGANISED, data: change, on: change.on };
  if (registered) {
    if (state.status === 'known') throw changedMeanwhile(change);
    return [{ type: UNIT_REGISTERED, data: registered, on: change.on }, reorganised];
  }
  if (state.status !== 'known')
    throw new CaseRuleViolation('reorganisation.invalid', change.unitId, `đơn vị ${change.unitId} chưa được đăng ký`);
  if (state.history.reorganisations.includes(change.reorganisationId)) throw changedMeanwhile(change);
  return [reorganised];
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
    case 'reorganise':
      return reorganise(command, state);
    default:
      return assertNever(command);
  }
};

/** The rules of a unit stream (`unit-<id>`), run by the application's one write path. */
export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  initialState: () => ({ status: 'unknown' }),
  evolve,
  decide,
};
