import {
  changedMeanwhile,
  UNIT_REGISTERED,
  UnitCommand,
  unitDecider,
  UnitEvent,
  UnitRuleViolation,
  UnitState,
  unitStream,
} from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { CommandContext } from './envelope';
import { eventIdFor } from './ids';
import { firstOfKey } from './write/keyed-repeat';
import { StreamKind } from './write/stream-kind';

export interface UnitResult {
  unitId: string;
  revision: number;
  position: number;
  /** The unit was registered already by this Idempotency-Key: nothing was appended. */
  replayed?: true;
}

const unitOf = (command: UnitCommand) => (command.kind === 'register' ? command.unit.unitId : command.change.unitId);

/**
 * A registration repeated with its Idempotency-Key and the same body: its first answer
 * (keyed-repeat.ts). A reorganisation is told again by its own id (reorganise-units.ts), not here.
 */
const replayed = (recorded: RecordedEvent[], command: UnitCommand, context: CommandContext): UnitResult | undefined => {
  if (command.kind !== 'register') return undefined;
  const first = firstOfKey(unitStream(command.unit.unitId), recorded, context);
  return (
    first && {
      unitId: command.unit.unitId,
      revision: Number(first.revision),
      position: Number(first.position),
      replayed: true,
    }
  );
};

/**
 * Unit streams (`unit-<id>`) for the one write path. A unit is registered once: a race lost is
 * `unit.already-exists` at once. `check` (unit-registry.ts) looks the parent up first. A
 * reorganisation's parts (one a unit) are appended together (`executeTogether`): a race lost on
 * any unit is 409 `reorganisation.already-recorded`, nothing appended.
 */
export const UNIT_STREAMS: StreamKind<UnitCommand, UnitEvent, UnitState, UnitResult> = {
  decider: unitDecider,
  streamOf: (command) => unitStream(unitOf(command)),
  // A reorganisation's events are dated by its effective date, not by the clock.
  stamped: (command, today) => (command.kind === 'register' ? { ...command, on: today } : command),
  resultOf: (command, _fold, revision, position, alreadyStored) => ({
    unitId: unitOf(command),
    revision: Number(revision),
    position: Number(position),
    ...(alreadyStored ? { replayed: true as const } : {}),
  }),
  conflict: (command) =>
    command.kind === 'register'
      ? new UnitRuleViolation('unit.already-exists', command.unit.unitId, `đơn vị ${command.unit.unitId} đã tồn tại`)
      : changedMeanwhile(command.change),
  attempts: 1,
  reads: 'stream',
  // A reorganisation keeps no fingerprint: its repeat is told by its reorganisationId.
  fingerprinted: (command) => command.kind === 'register',
  replayed,
  // A reorganisation's events derive their ids from the command id, one name an event type, as
  // they always have: a retry of the same command finds them stored (docs/idempotency.md).
  eventIdOf: (command, event, streamId, context) =>
    command.kind === 'register'
      ? undefined
      : eventIdFor(
          streamId,
          `${context.commandId}:${event.type === UNIT_REGISTERED ? 'registered' : 'reorganised'}`,
          0,
        ),
};
