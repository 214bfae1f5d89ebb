import { WorkingDayCalendar } from '../calendar/calendar';
import { civilCalendar } from '../calendar/civil-calendar';
import { addDays, daysBetween } from '../calendar/local-date';
import { isLocalDate, LocalDate } from '../local-date';
import type { CaseStateName } from '../lifecycle/states';
import { Regime, regimeOn } from '../regime';
import { DeadlineActor, DeadlineRule, LegalBasis, TermUnit, triggersOf, WhoseCalendar } from './deadline-rule';
import { caseEndOf } from './case-end';
import { dueDate } from './due-date';
import { Pause, pausedUnits, pausesOf } from './pauses';
import { holds } from './predicates';
import { dataText, RecordedStep, refOf, StepRef } from './recorded-step';
import { DEADLINE_RULES } from './rules';
import { isRetrospective, regimeFollowsStart, startOf } from './starts';

/**
 * met: done on or before the due date; late: done after it; overdue: not done and the due date
 * has passed; open: not done, still in time; cancelled: closed without the act, because the case
 * ended (completed, terminated, entrusted, revoked, refused, returned) or a later step made the
 * act moot (a new valuation, a new classification…). A cancelled deadline is never overdue.
 */
/** Every status a deadline can have, in the order boards list them. */
export const DEADLINE_STATUSES = ['open', 'overdue', 'met', 'late', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** case-ended: the case reached a final state and no step can follow; superseded: a later step of a case still running made the act moot. */
/** Why a deadline closed without its act: the case ended, a step made it moot, or the rule's text ceased (lapsedOn). */
export type CancelReason = 'case-ended' | 'superseded' | 'rule-lapsed';

export interface DeadlineItem {
  rule: string;
  title: string;
  legalBasis: LegalBasis;
  regime: Regime;
  actor: DeadlineActor;
  /** Whose rest days end the term (the agency's calendar, or the civil one for a party). */
  calendar: WhoseCalendar;
  trigger: StepRef;
  /** The day the term runs from (not counted). */
  startsOn: LocalDate;
  /** Set when the date the law counts from was not recorded and a stand-in is used: why, in Vietnamese. */
  startAssumed?: string;
  due: LocalDate;
  unit: TermUnit;
  length: number;
  status: DeadlineStatus;
  satisfiedOn?: LocalDate;
  satisfiedBy?: StepRef;
  /** Calendar days from the due date to the satisfying act, for every unit (inspection reports count days). */
  daysLate?: number;
  /** Calendar days past due as of `asOf`, only while overdue. */
  daysOverdue?: number;
  /** The step that closed the deadline without the act (for a case end, the final step and its date). */
  cancelledBy?: StepRef;
  /** The day the rule's text ceased to apply to the term (a change of law), when it lapsed undone. */
  lapsedOn?: LocalDate;
  cancelReason?: CancelReason;
  /** The final state the case ended in, when that closed the deadline. */
  caseEndedAs?: CaseStateName;
  /**
   * Calendar days the due date had already passed when the deadline was cancelled: a fixed fact
   * for the inspection record, not a count that keeps running like `daysOverdue`.
   */
  daysPastDueWhenCancelled?: number;
  /** Days (working days for WD terms) added because enforcement was postponed or suspended. */
  pausedUnits?: number;
  /** Set while the case is still postponed or suspended: the due date keeps moving. */
  pausedSince?: LocalDate;
}

type Steps = ReadonlyArray<RecordedStep>;

interface Context {
  steps: Steps;
  pauses: Pause[];
  asOf: LocalDate;
  calendar: WorkingDayCalendar;
  rules: ReadonlyArray<DeadlineRule>;
  /** Index of the step that ended the case (a final state), or -1 while it runs. */
  end: number;
}

/** Before the earliest modelled regime no rule applies (regimeOn is undefined then). */
const applies = (rule: DeadlineRule, legalDate: LocalDate): boolean =>
  rule.regime === regimeOn(legalDate) &&
  (rule.appliesFrom === undefined || legalDate >= rule.appliesFrom) &&
  (rule.appliesUntil === undefined || legalDate <= rule.appliesUntil);

/** The agency's own terms end on its working days; a party's on the ordinary calendar (BLDS Điều 148). */
const calendarOf = (rule: DeadlineRule, ctx: Context): WorkingDayCalendar =>
  rule.calendar === 'civil' ? civilCalendar(ctx.calendar) : ctx.calendar;

const lengthOf = (rule: DeadlineRule, steps: Steps, index: number): number =>
  rule.lengthWhen && holds(rule.lengthWhen.when, steps, index) ? rule.lengthWhen.length : rule.length;

/**
 * The due date once postponements and suspensions that began within the term (and before `stop`,
 * the day the act was done or made moot) have lengthened it.
 */
const pausedTerm = (rule: DeadlineRule, start: LocalDate, length: number, ctx: Context, stop?: LocalDate) => {
  let units = 0;
  const calendar = calendarOf(rule, ctx);
  let due = dueDate(start, length, rule.unit, calendar);
  let pausedSince: LocalDate | undefined;
  if (rule.unit === 'immediately' || !rule.pausedBy) return { due, units, pausedSince };
  // Paused time counts up to the day before the act (or up to asOf while nothing happened).
  const through = stop !== undefined ? addDays(stop, -1) : ctx.asOf;
  for (const pause of ctx.pauses) {
    if (!rule.pausedBy.includes(pause.by)) continue;
    const from = pause.from > start ? pause.from : addDays(start, 1);
    // A pause still running that began before the term's first day holds the term at its start.
    if (pause.until === undefined && pause.from <= through && from <= due) pausedSince = pause.from;
    if (from > due || from > through) break;
    units += pausedUnits(pause, start, through, rule.unit, calendar);
    if (pause.until === undefined) pausedSince = pause.from;
    due = dueDate(start, length, rule.unit, calendar, units);
  }
  // A term cannot end while the case stands still: one whose last day falls in a pause (the
  // paused days added, or a pause beginning on the last day) ends on the first working day of
  // the resumption, the first day the act can be done.
  for (const pause of ctx.pauses) {
    if (!rule.pausedBy.includes(pause.by) || pause.from > due || pause.from > through) continue;
    if (pause.until === undefined) {
      pausedSince = pause.from;
      break;
    }
    if (pause.until >= due) due = calendar.nextWorkingDayOnOrAfter(addDays(pause.until, 1));
  }
  return { due, units, pausedSince };
};

const firstAfter = (
  steps: Steps,
  index: number,
  names: ReadonlyArray<string>,
  test?: (i: number) => boolean,
): number => {
  for (let i = index + 1; i < steps.length; i += 1) if (names.includes(steps[i].step) && (!test || test(i))) return i;
  return -1;
};

/** Whether the step at `i` does the act the rule asks for: its name, and the rule's `satisfiedWhen`. */
const satisfies = (rule: DeadlineRule, steps: Steps, i: number): boolean =>
  rule.satisfiedBy.includes(steps[i].step as never) && (!rule.satisfiedWhen || holds(rule.satisfiedWhen, steps, i));

/** A satisfying step between the latest `satisfiedEarlierSince` step and the trigger (DeadlineRule.satisfiedEarlierSince). */
const earlierSatisfying = (rule: DeadlineRule, index: number, steps: Steps): number | undefined => {
  if (!rule.satisfiedEarlierSince) return undefined;
  for (let i = index - 1; i >= 0 && steps[i].step !== rule.satisfiedEarlierSince; i -= 1)
    if (satisfies(rule, steps, i)) return i;
  return undefined;
};

/** The start of a term that follows another rule's term on the same trigger (e.g. row 9 after row 8). */
const chainedStart = (rule: DeadlineRule, index: number, ctx: Context): LocalDate | undefined => {
  const step = ctx.steps[index];
  const parent = ctx.rules.find(
    (r) =>
      r.id === rule.after &&
      (triggersOf(r) as ReadonlyArray<string>).includes(step.step) &&
      applies(r, step.on) &&
      (!r.when || holds(r.when, ctx.steps, index)),
  );
  if (!parent) return undefined;
  return pausedTerm(parent, step.on, lengthOf(parent, ctx.steps, index), ctx).due;
};

/** A date in the step's data may prove the act earlier than the step was recorded (never later). */
const satisfactionDate = (rule: DeadlineRule, step: RecordedStep): LocalDate => {
  const proven = rule.satisfactionDateField ? dataText(step, rule.satisfactionDateField) : undefined;
  return proven !== undefined && isLocalDate(proven) && proven <= step.on ? proven : step.on;
};

const judged = (due: LocalDate, done: LocalDate): Pick<DeadlineItem, 'status' | 'daysLate'> =>
  done <= due ? { status: 'met' } : { status: 'late', daysLate: daysBetween(due, done) };

type Head = Pick<
  DeadlineItem,
  | 'rule'
  | 'title'
  | 'legalBasis'
  | 'regime'
  | 'actor'
  | 'calendar'
  | 'trigger'
  | 'startsOn'
  | 'startAssumed'
  | 'unit'
  | 'length'
>;

/** Only what happened while the rule's text was in force counts toward it (see DeadlineRule.lapsesAfter). */
const withinRule = (rule: DeadlineRule, index: number, steps: Steps): boolean =>
  index >= 0 && (rule.lapsesAfter === undefined || steps[index].on <= rule.lapsesAfter);

/** A term cannot end after its rule's text ceased: it ends on the last day the text was in force. */
const lapsingTerm = <T extends { due: LocalDate }>(rule: DeadlineRule, term: T): T =>
  rule.lapsesAfter !== undefined && term.due > rule.lapsesAfter ? { ...term, due: rule.lapsesAfter } : term;

/**
 * The step that closes a waiting term without the act: the first of the rule's own cancelling
 * steps after the trigger, or the case's end, whichever comes first. The end closes every term
 * opened before it or by it, whatever the rule lists: nothing can be recorded after a final state.
 */
const cancellingStep = (rule: DeadlineRule, index: number, ctx: Context): number => {
  const byRule = firstAfter(ctx.steps, index, rule.cancelledBy);
  const byEnd = ctx.end >= index ? ctx.end : -1;
  if (byRule < 0) return byEnd;
  return byEnd < 0 || byRule < byEnd ? byRule : byEnd;
};

type Cancellation = Pick<
  DeadlineItem,
  'status' | 'cancelledBy' | 'cancelReason' | 'caseEndedAs' | 'daysPastDueWhenCancelled'
>;

const cancellation = (step: RecordedStep, due: LocalDate): Cancellation => {
  const endedAs = caseEndOf(step.step);
  return {
    status: 'cancelled',
    cancelledBy: refOf(step),
    cancelReason: endedAs ? 'case-ended' : 'superseded',
    ...(endedAs && { caseEndedAs: endedAs }),
    ...(step.on > due && { daysPastDueWhenCancelled: daysBetween(due, step.on) }),
  };
};

/** A term that waits for a later step: met or late when it comes, cancelled, overdue or open otherwise. */
const forwardItem = (rule: DeadlineRule, head: Head, index: number, ctx: Context): DeadlineItem => {
  const { steps } = ctx;
  const satisfying =
    earlierSatisfying(rule, index, steps) ??
    firstAfter(steps, index, rule.satisfiedBy, (i) => satisfies(rule, steps, i));
  const cancelling = cancellingStep(rule, index, ctx);
  // A step that both does the act and ends the case (a completion within the voluntary period) meets it.
  const satisfied = withinRule(rule, satisfying, steps) && (cancelling < 0 || satisfying <= cancelling);
  const cancelled = !satisfied && withinRule(rule, cancelling, steps);
  const doneOn = satisfied ? satisfactionDate(rule, steps[satisfying]) : undefined;
  const lapsed =
    !satisfied && !cancelled && rule.lapsesAfter !== undefined && ctx.asOf > rule.lapsesAfter
      ? addDays(rule.lapsesAfter, 1)
      : undefined;
  const stop = doneOn ?? (cancelled ? steps[cancelling].on : lapsed);
  const term = lapsingTerm(rule, pausedTerm(rule, head.startsOn, head.length, ctx, stop));
  const item = {
    ...head,
    due: term.due,
    ...(term.units > 0 && { pausedUnits: term.units }),
    ...(term.pausedSince !== undefined && !stop && { pausedSince: term.pausedSince }),
  };
  if (doneOn !== undefined)
    return { ...item, satisfiedOn: doneOn, satisfiedBy: refOf(steps[satisfying]), ...judged(term.due, doneOn) };
  if (cancelled) return { ...item, ...cancellation(steps[cancelling], term.due) };
  if (lapsed !== undefined) {
    // Closed on the day the rule's text ceased, like a cancellation: no days overdue that keep running.
    return {
      ...item,
      status: 'cancelled',
      cancelReason: 'rule-lapsed',
      lapsedOn: lapsed,
      ...(lapsed > term.due && { daysPastDueWhenCancelled: daysBetween(term.due, lapsed) }),
    };
  }
  return ctx.asOf > term.due
    ? { ...item, status: 'overdue', daysOverdue: daysBetween(term.due, ctx.asOf) }
    : { ...item, status: 'open' };
};

const openOne = (rule: DeadlineRule, index: number, ctx: Context): DeadlineItem | undefined => {
  const { steps, asOf, calendar } = ctx;
  const step = steps[index];
  if (rule.when && !holds(rule.when, steps, index)) return undefined;
  const startName = rule.start ?? 'trigger';
  const retrospective = isRetrospective(startName);
  const ownStart = rule.after ? undefined : startOf(startName, steps, index);
  // The regime is the one in force when the legal trigger happened (docs/deadlines.md "When each regime applies"), or on the
  // start where the start is the legal trigger or the guard's own date (starts.ts).
  if (!applies(rule, regimeFollowsStart(startName) && ownStart ? ownStart.on : step.on)) return undefined;
  const start = rule.after ? chainedStart(rule, index, ctx) : ownStart?.on;
  if (start === undefined || start > asOf) return undefined;
  const length = lengthOf(rule, steps, index);
  const head: Head = {
    rule: rule.id,
    title: rule.title,
    legalBasis: rule.legalBasis,
    regime: rule.regime,
    actor: rule.actor,
    calendar: rule.calendar,
    trigger: refOf(step),
    startsOn: start,
    ...(ownStart?.assumed !== undefined && { startAssumed: ownStart.assumed }),
    unit: rule.unit,
    length,
  };
  if (!retrospective) return forwardItem(rule, head, index, ctx);
  // The step itself is the act the law asks for: judge it against the earlier start.
  const due = dueDate(start, length, rule.unit, rule.calendar === 'civil' ? civilCalendar(calendar) : calendar);
  return { ...head, due, satisfiedOn: step.on, satisfiedBy: refOf(step), ...judged(due, step.on) };
};

const byTrigger = new WeakMap<ReadonlyArray<DeadlineRule>, Map<string, DeadlineRule[]>>();
const rulesByTrigger = (rules: ReadonlyArray<DeadlineRule>): Map<string, DeadlineRule[]> => {
  let index = byTrigger.get(rules);
  if (!index) {
    index = new Map();
    for (const rule of rules) for (const t of triggersOf(rule)) index.set(t, [...(index.get(t) ?? []), rule]);
    byTrigger.set(rules, index);
  }
  return index;
};

/**
 * Every deadline a case's steps opened, judged as of `asOf`: only steps dated on or before
 * `asOf` count, so the same steps replayed to any date give the deadlines as they stood then.
 */
export const evaluateDeadlines = (
  steps: Steps,
  asOf: LocalDate,
  calendar: WorkingDayCalendar,
  rules: ReadonlyArray<DeadlineRule> = DEADLINE_RULES,
): DeadlineItem[] => {
  const considered = steps.filter((s) => s.on <= asOf);
  const end = considered.findIndex((s) => caseEndOf(s.step) !== undefined);
  const ctx: Context = { steps: considered, pauses: pausesOf(considered), asOf, calendar, rules, end };
  const index = rulesByTrigger(rules);
  const items: DeadlineItem[] = [];
  considered.forEach((step, i) => {
    for (const rule of index.get(step.step) ?? []) {
      const item = openOne(rule, i, ctx);
      if (item) items.push(item);
    }
  });
  return items;
};
