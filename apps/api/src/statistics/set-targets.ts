import { CommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandContext, TargetsResult, TargetsWritePath, UnitRegistry } from '@thads/application';
import { TargetsSetData } from '@thads/domain';
import { EventStore } from '@thads/event-store';

export type { TargetsResult } from '@thads/application';

export class SetTargets implements ICommand {
  constructor(
    readonly targets: TargetsSetData,
    readonly context: Omit<CommandContext, 'recordedAt'>,
    readonly expectedRevision?: number,
  ) {}
}

/**
 * Targets are a recorded fact like any other: appended to `targets-<unit>-<year>` through the one
 * write path (libs/application/src/targets-kind.ts), stating the revision it expects, so two
 * statisticians editing the same targets cannot overwrite each other unseen.
 */
@CommandHandler(SetTargets)
export class SetTargetsHandler implements ICommandHandler<SetTargets, TargetsResult> {
  private readonly path: TargetsWritePath;

  constructor(
    store: EventStore,
    units: UnitRegistry,
    private readonly clock: Clock,
  ) {
    this.path = new TargetsWritePath(store, units);
  }

  execute({ targets, context, expectedRevision }: SetTargets): Promise<TargetsResult> {
    return this.path.set(targets, { ...context, recordedAt: this.clock.now() }, expectedRevision);
  }
}
