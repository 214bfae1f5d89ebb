import { Injectable } from '@nestjs/common';
import { Clock, domainEventOf, EMPTY_FOLD, foldRecorded, localDateInVietnam, metadataOf } from '@thads/application';
import {
  allowedStepsOf, CaseNotFound, CaseReceivedData, caseStream, remainingDue, STATE_LABELS, STATISTIC_CLASS, stateNameOf,
} from '@thads/domain';
import { collect, EventStore, RecordedEvent } from '@thads/event-store';
import { CaseDeadlinesService } from './case-deadlines.service';

/** GET /api/cases/{id}: the case folded from its own stream, so it is never behind a write. */
@Injectable()
export class CaseViewService {
  constructor(private readonly store: EventStore, private readonly clock: Clock, private readonly deadlines: CaseDeadlinesService) {}

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
      amounts: { due: a.due.toString(), collected: a.collected.toString(), disbursed: a.disbursed.toString(), reduced: a.reduced.toString(), remaining: remainingDue(a).toString() },
      allowedSteps: allowedStepsOf(state, today > state.lastOn ? today : state.lastOn),
      revision: Number(fold.revision),
      position: Number(fold.position),
      receivedOn: metadataOf(recorded[0]).on,
      lastStepOn: state.lastOn,
      enforcerId: state.enforcerId ?? null,
      judgment: received.judgment,
      creditor: received.creditor,
      debtor: received.debtor,
      deadlines: this.deadlines.forCase(recorded.map((r) => ({ recorded: r, event: domainEventOf(r) })), today),
    };
  }
}
