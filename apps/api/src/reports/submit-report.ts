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
} from '@thads/application';
import { collect, EventStore, NO_STREAM, WrongExpectedRevision } from '@thads/event-store';
import {
  BuiltForm,
  buildForm,
  REPORT_SUBMITTED,
  ReportSubmittedData,
  reportStream,
  submissionIdOf,
} from '@thads/projections';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadDatabase } from '../infrastructure/read-database';

export class SubmitReport implements ICommand {
  constructor(
    readonly def: BuiltForm,
    readonly period: { unitId: string; from: string; to: string },
    readonly reason: string | undefined,
    readonly context: Omit<CommandContext, 'recordedAt'>,
  ) {}
}

export interface SubmitResult {
  submissionId: string;
  stream: string;
  revision: number;
  appendedAt: number;
}

/**
 * Sending a form (gửi báo cáo, chốt số liệu): the figures as known at the log's head, appended to
 * `report-<unit>-<form>-<from>-<to>` with the same envelope and hash chain as a case step, at the
 * revision read, so two statisticians cannot both send "the first" one. A stream that already
 * holds a submission takes another only with a reason (gửi lại); none is ever changed.
 */
@CommandHandler(SubmitReport)
export class SubmitReportHandler implements ICommandHandler<SubmitReport, SubmitResult> {
  constructor(
    private readonly store: EventStore,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  async execute({ def, period, reason, context }: SubmitReport): Promise<SubmitResult> {
    const stream = reportStream(period.unitId, def.id, period.from, period.to);
    const [last] = await collect(this.store.readStream(stream, { direction: 'backwards', maxCount: 1 }));
    // The same request retried with its Idempotency-Key: the submission it made, nothing appended.
    if (last && context.idempotencyKey !== undefined && metadataOf(last).idempotencyKey === context.idempotencyKey) {
      return {
        submissionId: submissionIdOf(stream, Number(last.revision)),
        stream,
        revision: Number(last.revision),
        appendedAt: Number(last.position),
      };
    }
    if (last && !reason) {
      throw new ConflictException({
        code: 'report.already-submitted',
        message: `form ${def.id} of unit ${period.unitId} for ${period.from}..${period.to} was sent as ${submissionIdOf(stream, Number(last.revision))}: sending it again needs a reason (gửi lại báo cáo phải nêu lý do)`,
      });
    }
    // The figures as known at one log position, whatever is appended meanwhile: the head now,
    // or as far as the read models have got if they lag (the position recorded is the one used).
    const head = (await this.store.headPosition()) ?? 0n;
    await this.projector.readYourWrites(head.toString());
    const projected = await this.projector.position();
    const position = projected < head ? projected : head;
    const { form } = await buildForm(this.read.store, def, { ...period, knownAt: { position } });
    const revision = last ? Number(last.revision) + 1 : 0;
    const submissionId = submissionIdOf(stream, revision);
    const data: ReportSubmittedData = {
      submissionId,
      form: def.id,
      ...period,
      position: position.toString(),
      ...(reason ? { reason } : {}),
      ...(last ? { replaces: submissionIdOf(stream, Number(last.revision)) } : {}),
      report: form,
    };
    const recordedAt = this.clock.now();
    const event = envelope(
      { type: REPORT_SUBMITTED, data, on: localDateInVietnam(recordedAt) },
      eventIdFor(stream, context.idempotencyKey, revision),
      { ...context, recordedAt },
      last ? metadataOf(last).hash : GENESIS_HASH,
    );
    try {
      const appended = await this.store.appendToStream(stream, [event], last ? last.revision : NO_STREAM);
      return { submissionId, stream, revision, appendedAt: Number(appended.position) };
    } catch (error) {
      if (error instanceof WrongExpectedRevision) {
        throw new ConflictException({
          code: 'report.submission-conflict',
          message: `${stream} was sent by someone else meanwhile; read it again (GET /api/reports/${def.id}/submissions)`,
        });
      }
      throw error;
    }
  }
}
