import { ConflictException } from '@nestjs/common';
import { CommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import {
  Clock,
  CommandContext,
  envelope,
  eventIdFor,
  GENESIS_HASH,
  localDateInVietnam,
  metadataOf,
  UnitRegistry,
} from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { collect, EventStore, NO_STREAM, WrongExpectedRevision } from '@thads/event-store';
import { TARGETS_SET, TargetsSetData, targetsStream } from '@thads/projections';

export interface TargetsResult extends TargetsSetData {
  revision: number;
  position: number;
}

export class SetTargets implements ICommand {
  constructor(
    readonly targets: TargetsSetData,
    readonly context: Omit<CommandContext, 'recordedAt'>,
    readonly expectedRevision?: number,
  ) {}
}

/**
 * Targets are a recorded fact like any other: appended to `targets-<unit>-<year>` with the same
 * envelope and hash chain as a case step, stating the revision it expects, so two statisticians
 * editing the same targets cannot overwrite each other unseen.
 */
@CommandHandler(SetTargets)
export class SetTargetsHandler implements ICommandHandler<SetTargets, TargetsResult> {
  constructor(
    private readonly store: EventStore,
    private readonly units: UnitRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ targets, context, expectedRevision }: SetTargets): Promise<TargetsResult> {
    if (!(await this.units.find(targets.unitId))) throw new CaseNotFound(targets.unitId, 'unit.not-found');
    const stream = targetsStream(targets.unitId, targets.year);
    const [last] = await collect(this.store.readStream(stream, { direction: 'backwards', maxCount: 1 }));
    const current = last ? last.revision : NO_STREAM;
    if (expectedRevision !== undefined && expectedRevision !== (last ? Number(last.revision) : -1))
      throw conflict(stream, current, expectedRevision);
    const recordedAt = this.clock.now();
    const event = envelope(
      { type: TARGETS_SET, data: targets, on: localDateInVietnam(recordedAt) },
      eventIdFor(stream, context.idempotencyKey, 0),
      { ...context, recordedAt },
      last ? metadataOf(last).hash : GENESIS_HASH,
    );
    try {
      const appended = await this.store.appendToStream(stream, [event], current);
      return { ...targets, revision: Number(appended.nextExpectedRevision), position: Number(appended.position) };
    } catch (error) {
      if (error instanceof WrongExpectedRevision) throw conflict(stream, error.actual, expectedRevision);
      throw error;
    }
  }
}

const conflict = (stream: string, actual: bigint | typeof NO_STREAM, expected?: number) =>
  new ConflictException({
    code: 'targets.revision-conflict',
    message: `${stream} is at revision ${actual === NO_STREAM ? -1 : Number(actual)}, not ${expected ?? 'the one read'}`,
  });
