import { Injectable } from '@nestjs/common';
import { Clock, domainEventOf, EMPTY_FOLD, foldRecorded, localDateInVietnam, metadataOf } from '@thads/application';
import {
  allowedStepsOf,
  CaseNotFound,
  CaseReceivedData,
  caseStream,
  entrustedCaseIdOf,
  KnownCase,
  remainingDue,
  STATE_LABELS,
  STATISTIC_CLASS,
  STEP_LABELS,
  stateNameOf,
  stepOfEventType,
} from '@thads/domain';
import { collect, EventStore, RecordedEvent } from '@thads/event-store';
import { CaseDeadlinesService } from './case-deadlines.service';

/** GET /api/cases/{id}: the case folded from its own stream, so it is never behind a write. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly deadlines: CaseDeadlinesService,
  ) {}

  async read(caseId: string) {
    const recorded = await collect(this.store.readStream(caseStream(caseId)));
    return this.view(caseId, recorded);
  }

  view(caseId: string, recorded: RecordedEvent[], asOf?: string) {
    const fold = recorded.reduce(foldRecorded, EMPTY_FOLD);
    if (fold.state.status !== 'known') throw new CaseNotFound(caseId);
    const state = fold.state;
    const received = recorded[0].data as unknown as CaseReceivedData;
    const name = stateNameOf(state.lifecycle);
    const a = state.lifecycle.context.amounts;
    const today = asOf ?? localDateInVietnam(this.clock.now());
    return {
      caseId,
      unitId: state.unitId,
      origin: state.origin,
      state: name,
      stateLabel: STATE_LABELS[name],
      statisticClass: STATISTIC_CLASS[name],
      amounts: {
        due: a.due.toString(),
        collected: a.collected.toString(),
        disbursed: a.disbursed.toString(),
        reduced: a.reduced.toString(),
        remaining: remainingDue(a).toString(),
      },
      allowedSteps: allowedStepsOf(state, today > state.lastOn ? today : state.lastOn),
      revision: Number(fold.revision),
      position: Number(fold.position),
      receivedOn: metadataOf(recorded[0]).on,
      lastStepOn: state.lastOn,
      enforcerId: state.enforcerId ?? null,
      latestStep: latestStepOf(state),
      // Ủy thác (Luật THADS Điều 55–57): the source case of a case received by entrustment, and the
      // receiving unit's case of one entrusted away, so the console links the two.
      entrustedFrom: received.entrustedFrom ?? null,
      entrustedTo: entrustedToOf(state),
      judgment: received.judgment,
      creditor: received.creditor,
      debtor: received.debtor,
      deadlines: this.deadlines.forCase(
        recorded.map((r) => ({ recorded: r, event: domainEventOf(r) })),
        today,
      ),
    };
  }
}

/** The latest effective step, the only one a correction may void (decider.ts); none for a case just received. */
const latestStepOf = (state: KnownCase) => {
  if (state.steps.length < 2) return null;
  const latest = state.steps[state.steps.length - 1];
  const step = stepOfEventType(latest.type);
  return {
    eventId: latest.id ?? null,
    step: step ?? latest.type,
    stepLabel: step ? STEP_LABELS[step] : latest.type,
    on: latest.on,
  };
};

const entrustedToOf = (state: KnownCase) => {
  const entrust = [...state.steps].reverse().find((e) => e.type === 'CaseEntrusted');
  if (!entrust) return null;
  const data = entrust.data as { toUnitId: string; entrustedCaseId?: string };
  return { caseId: data.entrustedCaseId ?? entrustedCaseIdOf(state.caseId), unitId: data.toUnitId };
};
