import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { StoredEvent } from './event-log';

export interface SubscriptionFilter {
  matches: (event: StoredEvent) => boolean;
  /** Send a checkpoint after this many scanned events; only filtered subscriptions get them. */
  checkpointEvery?: number;
}

/** The client leaves the window to the server when `maxSearchWindow` is not given. */
const DEFAULT_WINDOW = 32;

/**
 * A subscription's server-side filter: on event type or stream name, by prefixes or by a regex
 * (unanchored, as .NET's Regex.IsMatch; `excludeSystemEvents()` sends `^[^$].*`).
 */
export const filterOf = (options: ReadReq.Options): SubscriptionFilter => {
  const filter = options.getFilter();
  if (!filter) return { matches: () => true };
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const field = (e: StoredEvent) => (onType ? e.type : e.streamName);
  const matches = (e: StoredEvent) => {
    const value = field(e);
    if (prefixes.length > 0) return prefixes.some((p) => value.startsWith(p));
    return regex ? regex.test(value) : true;
  };
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW;
  return { matches, checkpointEvery: window * Math.max(1, filter.getCheckpointintervalmultiplier()) };
};
