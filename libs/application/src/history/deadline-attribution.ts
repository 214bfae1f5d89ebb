/**
 * What the history reads of a deadline item (the deadlines module owns the full shape,
 * docs/architecture.md §8): the step and date that opened it and what met it. An item that names
 * the events (`trigger.eventId`, `satisfiedBy.eventId`) is attributed exactly; otherwise by
 * step and date, to the first event that fits.
 */
interface DeadlineLike {
  trigger?: { step?: string; on?: string; eventId?: string };
  satisfiedOn?: string | null;
  satisfiedBy?: { step?: string; on?: string; eventId?: string } | null;
}

export interface AttributableEntry {
  id: string;
  step: string | null;
  on: string;
}

export interface Attribution {
  opened: Map<string, unknown[]>;
  met: Map<string, unknown[]>;
}

const push = (map: Map<string, unknown[]>, id: string | undefined, item: unknown) => {
  if (id === undefined) return;
  const list = map.get(id);
  if (list) list.push(item);
  else map.set(id, [item]);
};

/** Which entry opened and which met each deadline item; one pass over the items. */
export const attributeDeadlines = (
  items: ReadonlyArray<unknown>,
  entries: ReadonlyArray<AttributableEntry>,
): Attribution => {
  const result: Attribution = { opened: new Map(), met: new Map() };
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const d = item as DeadlineLike;
    const trigger = d.trigger?.eventId ?? entries.find((e) => e.step === d.trigger?.step && e.on === d.trigger?.on)?.id;
    push(result.opened, trigger, item);
    const metOn = d.satisfiedBy?.on ?? d.satisfiedOn ?? undefined;
    if (d.satisfiedBy?.eventId) push(result.met, d.satisfiedBy.eventId, item);
    else if (metOn) {
      const from = Math.max(0, entries.findIndex((e) => e.id === trigger) + 1);
      const step = d.satisfiedBy?.step;
      push(
        result.met,
        entries.slice(from).find((e) => e.on === metOn && (step === undefined || e.step === step))?.id,
        item,
      );
    }
  }
  return result;
};
