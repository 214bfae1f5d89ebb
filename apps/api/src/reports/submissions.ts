import { Injectable, NotFoundException } from '@nestjs/common';
import { localDateInVietnam, metadataOf } from '@thads/application';
import {
  parseSubmissionId,
  REPORT_LEVELS,
  REPORT_SUBMITTED,
  ReportLevel,
  reportDueDate,
  reportStream,
  ReportSubmittedData,
  submissionIdOf,
  UnitLevel,
} from '@thads/domain';
import { collect, EventStore, RecordedEvent } from '@thads/event-store';
import { DeadlineEngine } from '../deadlines/deadline-engine';

export interface ReportDeadlineStatus {
  /** The last day to send (TT 05/2024/TT-BTP Điều 10; docs/deadlines.md "Statistical reports"). */
  due: string;
  status: 'met' | 'late' | 'open' | 'overdue';
  level: ReportLevel;
}

export interface SubmissionSummary {
  submissionId: string;
  form: string;
  unitId: string;
  from: string;
  to: string;
  position: string;
  /** The event's hash in its stream's chain (docs/integrity.md): any change to it would show. */
  hash: string;
  submittedAt: string;
  submittedBy: string;
  reason?: string;
  replaces?: string;
  deadline?: ReportDeadlineStatus;
}

/** The level whose deadline a unit's report keeps: a district agency or a province; the central unit has none. */
const levelOf = (level: UnitLevel): ReportLevel | undefined => {
  const l = level === 'central' ? undefined : level;
  return l && (REPORT_LEVELS as ReadonlyArray<string>).includes(l) ? l : undefined;
};

/** Submissions read straight from their streams (strongly consistent; no read model to lag). */
@Injectable()
export class Submissions {
  constructor(
    private readonly store: EventStore,
    private readonly deadlines: DeadlineEngine,
  ) {}

  async ofPeriod(unitId: string, form: string, from: string, to: string): Promise<RecordedEvent[]> {
    return collect(this.store.readStream(reportStream(unitId, form, from, to)));
  }

  /** The submission an id names, or 404 `report.submission-not-found`. */
  async find(submissionId: string): Promise<RecordedEvent> {
    const parsed = parseSubmissionId(submissionId);
    const events = parsed ? await collect(this.store.readStream(parsed.stream)) : [];
    const event = parsed && events.find((e) => Number(e.revision) === parsed.revision && e.type === REPORT_SUBMITTED);
    if (!event)
      throw new NotFoundException({
        code: 'report.submission-not-found',
        message: `no report submission ${JSON.stringify(submissionId.slice(0, 120))}`,
      });
    return event;
  }

  /** The deadline of a unit's report for a period ending `to`, judged at a submission or today. */
  deadline(level: UnitLevel, to: string, sentOn: string | undefined, today: string): ReportDeadlineStatus | undefined {
    const l = levelOf(level);
    const due = l && reportDueDate(to, l, this.deadlines.calendar);
    if (!l || !due) return undefined;
    const status = sentOn ? (sentOn <= due ? 'met' : 'late') : today > due ? 'overdue' : 'open';
    return { due, status, level: l };
  }

  summary(event: RecordedEvent, level: UnitLevel, today: string): SubmissionSummary {
    const data = event.data as unknown as ReportSubmittedData;
    const meta = metadataOf(event);
    const deadline = this.deadline(level, data.to, localDateInVietnam(new Date(meta.recordedAt)), today);
    return {
      submissionId: submissionIdOf(event.streamId, Number(event.revision)),
      form: data.form,
      unitId: data.unitId,
      from: data.from,
      to: data.to,
      position: data.position,
      hash: meta.hash,
      submittedAt: meta.recordedAt,
      submittedBy: meta.actor.id,
      ...(data.reason !== undefined ? { reason: data.reason } : {}),
      ...(data.replaces ? { replaces: data.replaces } : {}),
      ...(deadline ? { deadline } : {}),
    };
  }
}
