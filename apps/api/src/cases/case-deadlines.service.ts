import { Injectable } from '@nestjs/common';
import { CaseEvent } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';

/** The deadlines of one case as of a date (filled in by the deadlines module). */
@Injectable()
export class CaseDeadlinesService {
  forCase(_events: ReadonlyArray<{ recorded: RecordedEvent; event: CaseEvent }>, _asOf: string): unknown[] {
    return [];
  }
}
