import { Injectable } from '@nestjs/common';
import { caseDecider, CaseEvent, DeadlineItem, RecordedStep, stepOfEventType } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { DeadlineEngine } from '../deadlines/deadline-engine';

/** The deadlines of one case as of a date, from its effective steps (corrected ones left out). */
@Injectable()
export class CaseDeadlinesService {
  constructor(private readonly engine: DeadlineEngine) {}

  forCase(events: ReadonlyArray<{ recorded: RecordedEvent; event: CaseEvent }>, asOf: string): DeadlineItem[] {
    const state = events.map((e) => e.event).reduce(caseDecider.evolve, caseDecider.initialState());
    if (state.status !== 'known') return [];
    const revisions = new Map(events.map((e) => [e.recorded.id, Number(e.recorded.revision)]));
    const steps: RecordedStep[] = state.steps.map((e) => ({
      step: stepOfEventType(e.type) ?? e.type,
      on: e.on,
      data: e.data as unknown as Record<string, unknown>,
      ...(e.id !== undefined ? { eventId: e.id, revision: revisions.get(e.id) } : {}),
    }));
    return this.engine.evaluate(steps, asOf);
  }
}
