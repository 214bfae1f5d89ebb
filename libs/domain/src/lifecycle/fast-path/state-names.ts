import { StateValue } from 'xstate';

/**
 * Names by state value: snapshots that share a configuration share its value object (the
 * outcomes of transition.ts), and values are never changed, so each is named once (a rebuild
 * names every case at every event).
 */
const NAMES = new WeakMap<object, string>();

/** `name(value)`, worked out once for each value object. */
export const nameOfValue = <N extends string>(value: StateValue, name: (value: StateValue) => N): N => {
  if (typeof value === 'string') return name(value);
  let named = NAMES.get(value) as N | undefined;
  if (named === undefined) NAMES.set(value, (named = name(value)));
  return named;
};
