import type Database from 'better-sqlite3';
import { CaseEvent, CaseState, EventMetadata, KnownCase } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';

/** A stored event with the case fold around it, as every read model sees it. */
export interface ProjectedEvent {
  recorded: RecordedEvent;
  metadata: EventMetadata;
  /** Present for case events: the domain event and the case before and after it. */
  case?: { event: CaseEvent; before: CaseState; after: KnownCase };
}

/**
 * A read model: a pure-ish apply over rows, run by the projector inside the transaction that
 * also moves its checkpoint (STYLE.md §11). It never calls the decider and never appends.
 * Bump `version` when its tables or meaning change: the projector then rebuilds it from zero.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  setup(db: Database.Database): void;
  reset(db: Database.Database): void;
  apply(db: Database.Database, event: ProjectedEvent): void;
  /** Called once per batch after its events, inside the same transaction. */
  endBatch?(db: Database.Database): void;
}
