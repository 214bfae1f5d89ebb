import { DomainEvent } from './events';

/** Any stream's event as a decider sees it: type, plain-JSON data, the business date `on`. */
export type AnyDomainEvent = DomainEvent<string, object>;

/**
 * A stream's rules as three pure functions (docs/architecture.md §3): `evolve` folds a stored
 * event into the state, `decide` turns a command on that state into new events or throws the
 * rule it breaks. Cases, units, targets and report submissions each have one, and the
 * application's one write path (libs/application/src/write) runs them all alike.
 */
export interface Decider<Command, Event extends AnyDomainEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}
