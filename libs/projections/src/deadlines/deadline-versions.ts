import {
  addDays,
  DEADLINE_RULES,
  DeadlineItem,
  DeadlineRule,
  evaluateDeadlines,
  pausesOf,
  RecordedStep,
  triggersOf,
  WorkingDayCalendar,
} from '@thads/domain';

/** The end of an open-ended version, and the day the last one is evaluated on: after every date. */
export const OPEN_END = '9999-12-31';

/**
 * What a deadline row stores of a deadline's state: `pending` is open or overdue (which one
 * depends on the day asked: overdue once the day is after `due`); `volatile` marks the days a
 * case stood postponed or suspended, when every day moves its due dates: those are evaluated
 * when asked (docs/deadlines.md, "Inspection board").
 */
export type DeadlineRowState = 'pending' | 'met' | 'late' | 'cancelled' | 'volatile';

/**
 * One version of one deadline of a case: how it stands for every day `asOf` in
 * [validFrom, validTo) on which it has started (`startsOn <= asOf`). Its identity is the rule,
 * the trigger's date and `nth` (the how-manieth deadline of that rule and trigger day).
 */
export interface DeadlineVersion {
  validFrom: string;
  validTo: string;
  rule: string;
  triggerOn: string;
  nth: number;
  state: DeadlineRowState;
  due: string;
  startsOn: string;
  /** Days late, or past due when cancelled: the board's order within the status (board-order.ts); 0 otherwise. */
  pastDue: number;
}

const stateOf = (item: DeadlineItem): DeadlineRowState =>
  item.status === 'open' || item.status === 'overdue' ? 'pending' : item.status;

const pastDueOf = (item: DeadlineItem): number =>
  item.status === 'late'
    ? (item.daysLate ?? 0)
    : item.status === 'cancelled'
      ? (item.daysPastDueWhenCancelled ?? 0)
      : 0;

/** The start names whose date comes from steps after the trigger: the term's start moves when they come. */
const FORWARD_STARTS: ReadonlySet<string> = new Set(['separateTrackingEligible', 'auctionContract']);

/** Rule ids whose start looks forward (or follows such a rule's term): evaluated day range by day range. */
const forwardIds = (rules: ReadonlyArray<DeadlineRule>): ReadonlySet<string> => {
  const ids = new Set(rules.filter((r) => r.start !== undefined && FORWARD_STARTS.has(r.start)).map((r) => r.id));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rules)
      if (r.after !== undefined && ids.has(r.after) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
  }
  return ids;
};

const FORWARD_IDS = forwardIds(DEADLINE_RULES);
/** The forward rules and the rules their chains start after (chainedStart looks for the parent in the same list). */
const FORWARD_RULES = DEADLINE_RULES.filter(
  (r) => FORWARD_IDS.has(r.id) || DEADLINE_RULES.some((c) => FORWARD_IDS.has(c.id) && c.after === r.id),
);

const FORWARD_TRIGGERS: ReadonlySet<string> = new Set(FORWARD_RULES.flatMap((r) => triggersOf(r)));

/** The days on which a rule's text ceases (the day after `lapsesAfter`): evaluations change on them. */
const LAPSE_DAYS = [
  ...new Set(DEADLINE_RULES.flatMap((r) => (r.lapsesAfter ? [addDays(r.lapsesAfter, 1)] : []))),
].sort();

/** Numbers each item by how many earlier items share its rule and trigger day. */
const numbered = (items: ReadonlyArray<DeadlineItem>): Array<{ item: DeadlineItem; nth: number }> => {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = `${item.rule}\u0000${item.trigger.on}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    return { item, nth };
  });
};

const versionOf = (item: DeadlineItem, nth: number, validFrom: string, validTo: string): DeadlineVersion => ({
  validFrom,
  validTo,
  rule: item.rule,
  triggerOn: item.trigger.on,
  nth,
  state: stateOf(item),
  due: item.due,
  startsOn: item.startsOn,
  pastDue: pastDueOf(item),
});

/**
 * Day ranges by day ranges: the steps change what is known only on their dates (and a rule's
 * text on the day it ceases), so evaluating on each range's last day gives every day of it, but
 * for open against overdue and for terms not started yet, which the row keeps as `due` and
 * `startsOn`. A range in which the case stands paused is one `volatile` version.
 */
export const versionsByRanges = (
  steps: ReadonlyArray<RecordedStep>,
  calendar: WorkingDayCalendar,
  rules: ReadonlyArray<DeadlineRule> = DEADLINE_RULES,
  keep: (rule: string) => boolean = () => true,
): DeadlineVersion[] => {
  if (steps.length === 0) return [];
  const first = steps[0].on;
  const days = [...new Set([...steps.map((s) => s.on), ...LAPSE_DAYS.filter((d) => d > first)])].sort();
  const out: DeadlineVersion[] = [];
  const latest = new Map<string, DeadlineVersion>();
  days.forEach((from, i) => {
    const to = i + 1 < days.length ? days[i + 1] : OPEN_END;
    const known = steps.filter((s) => s.on <= from);
    if (pausesOf(known).some((p) => p.until === undefined)) {
      out.push({
        validFrom: from,
        validTo: to,
        rule: '',
        triggerOn: from,
        nth: 0,
        state: 'volatile',
        due: from,
        startsOn: from,
        pastDue: 0,
      });
      return;
    }
    const asOf = to === OPEN_END ? OPEN_END : addDays(to, -1);
    for (const { item, nth } of numbered(evaluateDeadlines(known, asOf, calendar, rules).filter((d) => keep(d.rule)))) {
      const key = `${item.rule}\u0000${item.trigger.on}\u0000${nth}`;
      const v = versionOf(item, nth, from, to);
      const held = latest.get(key);
      if (
        held &&
        held.validTo === from &&
        held.state === v.state &&
        held.due === v.due &&
        held.startsOn === v.startsOn &&
        held.pastDue === v.pastDue
      ) {
        held.validTo = to;
        continue;
      }
      out.push(v);
      latest.set(key, v);
    }
  });
  return out;
};

/** The day a deadline closed (met, late or cancelled), never before the trigger; none while pending. */
const closedOn = (item: DeadlineItem): string | undefined => {
  const on =
    item.status === 'met' || item.status === 'late'
      ? item.satisfiedBy?.on
      : item.status === 'cancelled'
        ? (item.cancelledBy?.on ?? item.lapsedOn)
        : undefined;
  if (on === undefined) return undefined;
  return on > item.trigger.on ? on : item.trigger.on;
};

/**
 * From one evaluation after every step: for a case never paused, a deadline whose start does not
 * wait for a later step is pending from its trigger until the step that closes it, and closed
 * after, with the same due date (no pause lengthens it). Cheaper than a range at a time (one
 * evaluation, not one per step date), and equal to it (deadline-versions.spec.ts).
 */
const versionsOnce = (steps: ReadonlyArray<RecordedStep>, calendar: WorkingDayCalendar): DeadlineVersion[] => {
  const out: DeadlineVersion[] = [];
  const items = evaluateDeadlines(steps, OPEN_END, calendar).filter((d) => !FORWARD_IDS.has(d.rule));
  for (const { item, nth } of numbered(items)) {
    const closed = closedOn(item);
    if (closed === undefined) {
      out.push(versionOf(item, nth, item.trigger.on, OPEN_END));
      continue;
    }
    if (closed > item.trigger.on)
      out.push({ ...versionOf(item, nth, item.trigger.on, closed), state: 'pending', pastDue: 0 });
    out.push(versionOf(item, nth, closed, OPEN_END));
  }
  return out;
};

/**
 * Every version of every deadline of a case, from its effective steps (the case-steps rows): the
 * deadlines read model's rows. A case that was ever postponed or suspended is evaluated range by
 * range; the others once, but for the few rules whose start waits for a later step.
 */
export const deadlineVersions = (
  steps: ReadonlyArray<RecordedStep>,
  calendar: WorkingDayCalendar,
): DeadlineVersion[] => {
  if (steps.length === 0) return [];
  if (pausesOf(steps).length > 0) return versionsByRanges(steps, calendar);
  const out = versionsOnce(steps, calendar);
  if (steps.some((s) => FORWARD_TRIGGERS.has(s.step)))
    out.push(...versionsByRanges(steps, calendar, FORWARD_RULES, (rule) => FORWARD_IDS.has(rule)));
  return out;
};
