import {
  SetUnitTargets,
  targetsDecider,
  TargetsEvent,
  TargetsSetData,
  TargetsState,
  targetsStream,
  UnitNotFound,
} from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { CommandContext } from './envelope';
import { TargetsRevisionConflict } from './errors';
import { UnitRegistry } from './unit-registry';
import { firstOfKey } from './write/keyed-repeat';
import { StreamKind } from './write/stream-kind';
import { StreamWritePath } from './write/stream-write-path';

export interface TargetsResult extends TargetsSetData {
  revision: number;
  position: number;
  /** True when an Idempotency-Key matched an earlier request: nothing was appended. */
  replayed?: true;
}

/**
 * Targets streams (`targets-<unit>-<year>`) for the one write path: the latest event is the whole
 * state, so only it is read. A race lost is a 409 at once: two statisticians editing the same
 * targets cannot overwrite each other unseen. A repeated Idempotency-Key answers what that first
 * request stored (keyed-repeat.ts), so the whole stream (a few events a unit and year) is read.
 */
export const TARGETS_STREAMS: StreamKind<SetUnitTargets, TargetsEvent, TargetsState, TargetsResult> = {
  decider: targetsDecider,
  streamOf: ({ targets }) => targetsStream(targets.unitId, targets.year),
  stamped: (command, today) => ({ ...command, on: today }),
  resultOf: ({ targets }, _fold, revision, position) => ({
    ...targets,
    revision: Number(revision),
    position: Number(position),
  }),
  conflict: ({ targets }, current, expected) =>
    new TargetsRevisionConflict(targetsStream(targets.unitId, targets.year), current, expected),
  attempts: 1,
  reads: 'stream',
  absentRevision: -1,
  fingerprinted: true,
  replayed: (recorded, { targets }, context) => {
    const first = firstOfKey(targetsStream(targets.unitId, targets.year), recorded, context);
    return (
      first && {
        ...(first.data as unknown as TargetsSetData),
        revision: Number(first.revision),
        position: Number(first.position),
        replayed: true,
      }
    );
  },
};

/** Setting targets: the unit must be registered (404 unit.not-found), then the one write path. */
export class TargetsWritePath {
  private readonly path: StreamWritePath<SetUnitTargets, TargetsEvent, TargetsState, TargetsResult>;

  constructor(store: EventStore, units: UnitRegistry) {
    this.path = new StreamWritePath(store, {
      ...TARGETS_STREAMS,
      check: async (command) => {
        if (!(await units.find(command.targets.unitId))) throw new UnitNotFound(command.targets.unitId);
        return command;
      },
    });
  }

  set(targets: TargetsSetData, context: CommandContext, expectedRevision?: number): Promise<TargetsResult> {
    // `on` is the clock's local date, which the write path stamps (stream-kind.ts `stamped`).
    return this.path.execute({ kind: 'set', targets, on: '' }, context, expectedRevision);
  }
}
