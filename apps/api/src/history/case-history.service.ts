import { Injectable } from '@nestjs/common';
import {
  CaseHistory,
  Clock,
  eventsAfterAnchor,
  HistoryQuery,
  localDateInVietnam,
  readCaseHistory,
  StreamVerification,
} from '@thads/application';
import { EventStore } from '@thads/event-store';
import { CaseDeadlinesService } from '../cases/case-deadlines.service';
import { AnchorService } from '../integrity/anchor.service';

/** A case's history, read from its own stream (never behind a write), with its deadlines then. */
@Injectable()
export class CaseHistoryService {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly deadlines: CaseDeadlinesService,
    private readonly anchors: AnchorService,
  ) {}

  async read(caseId: string, query: HistoryQuery): Promise<CaseHistory> {
    return (await this.load(caseId, query)).history;
  }

  /** The history and the integrity of the very events it was built from, for the printed page. */
  async readChecked(
    caseId: string,
    query: HistoryQuery,
  ): Promise<{ history: CaseHistory; integrity: StreamVerification }> {
    const { history, verify } = await this.load(caseId, query);
    return { history, integrity: verify() };
  }

  /** With the log's latest anchor, which every export prints (docs/integrity.md). */
  private async load(caseId: string, query: HistoryQuery) {
    const loaded = await readCaseHistory(this.store, caseId, query, {
      today: localDateInVietnam(this.clock.now()),
      deadlinesFor: (events, asOf) => this.deadlines.forCase(events, asOf),
    });
    const anchor = this.anchors.latest();
    if (!anchor) return loaded;
    return {
      ...loaded,
      history: { ...loaded.history, anchor, eventsAfterAnchor: eventsAfterAnchor(loaded.history.events, anchor) },
    };
  }
}
