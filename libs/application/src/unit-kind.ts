import { UnitCommand, unitDecider, UnitEvent, UnitRuleViolation, UnitState, unitStream } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { CommandContext } from './envelope';
import { firstOfKey } from './write/keyed-repeat';
import { StreamKind } from './write/stream-kind';

export interface UnitResult {
  unitId: string;
  revision: number;
  position: number;
  /** The unit was registered already by this Idempotency-Key: nothing was appended. */
  replayed?: true;
}

/** A registration repeated with its Idempotency-Key and the same body: its first answer (keyed-repeat.ts). */
const replayed = (recorded: RecordedEvent[], command: UnitCommand, context: CommandContext): UnitResult | undefined => {
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
 * `unit.already-exists` at once. `check` (unit-registry.ts) looks the parent up first.
 */
export const UNIT_STREAMS: StreamKind<UnitCommand, UnitEvent, UnitState, UnitResult> = {
  decider: unitDecider,
  streamOf: (command) => unitStream(command.unit.unitId),
  stamped: (command, today) => ({ ...command, on: today }),
  resultOf: (command, _fold, revision, position, alreadyStored) => ({
    unitId: command.unit.unitId,
    revision: Number(revision),
    position: Number(position),
    ...(alreadyStored ? { replayed: true as const } : {}),
  }),
  conflict: (command) =>
    new UnitRuleViolation('unit.already-exists', command.unit.unitId, `đơn vị ${command.unit.unitId} đã tồn tại`),
  attempts: 1,
  reads: 'stream',
  fingerprinted: true,
  replayed,
};
