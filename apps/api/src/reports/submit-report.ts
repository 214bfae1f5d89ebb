import { CommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import {
  Clock,
  CommandContext,
  nextSubmissionId,
  SUBMISSION_STREAMS,
  StreamWritePath,
  SubmitResult,
} from '@thads/application';
import { assertResendHasReason, SubmitReportForm } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { BuiltForm, buildForm } from '@thads/projections';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadDatabase } from '../infrastructure/read-database';

export type { SubmitResult } from '@thads/application';

export class SubmitReport implements ICommand {
  constructor(
    readonly def: BuiltForm,
    readonly period: { unitId: string; from: string; to: string },
    readonly reason: string | undefined,
    readonly context: Omit<CommandContext, 'recordedAt'>,
  ) {}
}

/**
 * Sending a form (gửi báo cáo, chốt số liệu): the figures as known at the log's head, appended to
 * `report-<unit>-<form>-<from>-<to>` through the one write path (libs/application/src/submission-kind.ts)
 * at the revision read, so two statisticians cannot both send "the first" one. A stream that
 * already holds a submission takes another only with a reason (gửi lại); none is ever changed.
 */
@CommandHandler(SubmitReport)
export class SubmitReportHandler implements ICommandHandler<SubmitReport, SubmitResult> {
  constructor(
    private readonly store: EventStore,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  execute({ def, period, reason, context }: SubmitReport): Promise<SubmitResult> {
    const path = new StreamWritePath(this.store, {
      ...SUBMISSION_STREAMS,
      gather: async (command, fold) => {
        // A resend without a reason is refused before the figures are built.
        assertResendHasReason(fold.state, command);
        return {
          command: await this.figures(def, command, fold.revision),
          context: { ...context, recordedAt: this.clock.now() },
        };
      },
    });
    const command: SubmitReportForm = {
      kind: 'submit',
      form: def.id,
      ...period,
      ...(reason ? { reason } : {}),
      // Filled in by `gather` once a repeated request is ruled out.
      submissionId: '',
      position: '',
      report: undefined,
      on: '',
    };
    return path.execute(command, { ...context, recordedAt: this.clock.now() });
  }

  /**
   * The figures as known at one log position, whatever is appended meanwhile: the head now, or as
   * far as the read models have got if they lag (the position recorded is the one used).
   */
  private async figures(def: BuiltForm, command: SubmitReportForm, revision: bigint | 'no_stream') {
    const head = (await this.store.headPosition()) ?? 0n;
    await this.projector.readYourWrites(head.toString());
    const projected = await this.projector.position();
    const position = projected < head ? projected : head;
    const { unitId, from, to } = command;
    const { form } = await buildForm(this.read.store, def, { unitId, from, to, knownAt: { position } });
    return {
      ...command,
      submissionId: nextSubmissionId(command, revision),
      position: position.toString(),
      report: form,
    };
  }
}
