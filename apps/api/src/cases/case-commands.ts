import { CommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  CaseWritePath,
  Clock,
  CommandContext,
  CommandResult,
  CreateCaseRequest,
  StepRequest,
  toReceiveCommand,
  toStepCommand,
  UnitRegistry,
  uuidFrom,
} from '@thads/application';

type RequestContext = Omit<CommandContext, 'recordedAt'>;

export class ReceiveCaseCommand implements ICommand {
  constructor(
    readonly request: CreateCaseRequest,
    readonly context: RequestContext,
  ) {}
}

export class TakeStepCommand implements ICommand {
  constructor(
    readonly caseId: string,
    readonly request: StepRequest,
    readonly context: RequestContext,
  ) {}
}

/** The bus only routes (docs/style.md §9): each handler stamps the time and calls the one write path. */
@CommandHandler(ReceiveCaseCommand)
export class ReceiveCaseHandler implements ICommandHandler<ReceiveCaseCommand, CommandResult> {
  constructor(
    private readonly writePath: CaseWritePath,
    private readonly units: UnitRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ request, context }: ReceiveCaseCommand): Promise<CommandResult> {
    await this.units.require(request.unitId, 'unitId');
    // A repeated request without a caseId must land on the same case: derive it from the key.
    const caseId = request.caseId ?? (context.idempotencyKey ? uuidFrom('case', context.idempotencyKey) : randomUUID());
    return this.writePath.execute(toReceiveCommand(caseId, request), { ...context, recordedAt: this.clock.now() });
  }
}

@CommandHandler(TakeStepCommand)
export class TakeStepHandler implements ICommandHandler<TakeStepCommand, CommandResult> {
  constructor(
    private readonly writePath: CaseWritePath,
    private readonly units: UnitRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, request, context }: TakeStepCommand): Promise<CommandResult> {
    // Only to an enforcement agency the registry knows, that enforces and exists that day (Luật THADS Điều 55–57);
    // the decider refuses the case's own.
    if (request.step === 'entrust' && request.toUnitId !== undefined)
      await this.units.requireEntrustee(request.toUnitId, request.on);
    // A transfer only to an agency that enforces and exists that day: never to a closed unit (docs/reorganisation.md).
    if (request.step === 'transfer' && request.toUnitId !== undefined)
      await this.units.requireTransferee(request.toUnitId, request.on);
    return this.writePath.execute(
      toStepCommand(caseId, request),
      { ...context, recordedAt: this.clock.now() },
      request.expectedRevision,
    );
  }
}
