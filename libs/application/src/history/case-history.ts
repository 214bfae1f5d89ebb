import {
  Actor,
  allowedStepsOf,
  Amounts,
  caseDecider,
  CaseEvent,
  CaseReceivedData,
  CaseState,
  CaseStateName,
  KnownCase,
  LocalDate,
  maxDate,
  remainingDue,
  STATE_LABELS,
  STATISTIC_CLASS,
  StatisticClass,
  STEP_LABELS,
  stateNameOf,
  stepOfEventType,
  StepName,
} from '@thads/domain';
import { JsonValue, RecordedEvent } from '@thads/event-store';
import { localDateInVietnam } from '../clock';
import { domainEventOf, metadataOf } from '../envelope';
import { attributeDeadlines } from './deadline-attribution';
import { isLateRecorded, LATE_RECORDING_DAYS, recordingDelayDays } from './late-recording';
import { AnchorSummary } from '../integrity/anchors/anchor';

/** `asOf`: business time (events dated up to the end of that day). `asKnownAt`: what was recorded by then. */
export interface HistoryQuery {
  asOf?: LocalDate;
  asKnownAt?: Date;
}

export type DeadlinesFor = (
  events: ReadonlyArray<{ recorded: RecordedEvent; event: CaseEvent }>,
  asOf: LocalDate,
) => unknown[];

export interface AmountsView {
  due: string;
  collected: string;
  disbursed: string;
  reduced: string;
  remaining: string;
}

export interface HistoryEntry {
  position: number;
  revision: number;
  id: string;
  type: string;
  step: StepName | 'receive' | null;
  stepLabel: string;
  on: LocalDate;
  recordedAt: string;
  actor: Actor;
  recordingDelayDays: number;
  lateRecorded: boolean;
  data: JsonValue;
  /** False when the lifecycle did not accept the event (kept in the log, changes nothing). */
  applied: boolean;
  /** The correction (StepCorrected) that voided this step, when one is known. */
  correctedBy: string | null;
  stateAfter: CaseStateName;
  stateAfterLabel: string;
  amountsAfter: AmountsView;
  deadlinesOpened: unknown[];
  deadlinesMet: unknown[];
}

export type CaseFacts = Pick<CaseReceivedData, 'unitId' | 'origin' | 'judgment' | 'creditor' | 'debtor'> & {
  receivedOn: LocalDate;
};

export interface CaseHistory {
  caseId: string;
  asOf: LocalDate | null;
  asKnownAt: string | null;
  lateRecordingDays: number;
  /** Null when the case was not yet received as of that date (or not yet known at that instant). */
  state: CaseStateName | null;
  stateLabel: string;
  statisticClass: StatisticClass | null;
  amounts: AmountsView | null;
  allowedSteps: StepName[];
  deadlines: unknown[];
  revision: number | null;
  /** What the receipt recorded: the judgment and the parties. */
  case: CaseFacts | null;
  events: HistoryEntry[];
  /**
   * The log's latest anchor when the history was read, printed on every export so that a printed
   * history can be checked later against the log (docs/integrity.md); absent where no anchor is.
   */
  anchor?: AnchorSummary;
  /** How many of `events` were recorded after the anchor: it does not vouch for them yet. */
  eventsAfterAnchor?: number;
}

const amountsView = (a: Amounts): AmountsView => ({
  due: a.due.toString(),
  collected: a.collected.toString(),
  disbursed: a.disbursed.toString(),
  reduced: a.reduced.toString(),
  remaining: remainingDue(a).toString(),
});

const NOT_YET = 'Chưa tiếp nhận';

/**
 * A case's history from its stream: every event with the state after it, and the case as it
 * stood at the end of `asOf`, as far as the log knew at `asKnownAt`. Pure: the caller reads.
 */
export const buildCaseHistory = (
  caseId: string,
  recorded: ReadonlyArray<RecordedEvent>,
  query: HistoryQuery,
  context: { today: LocalDate; deadlinesFor?: DeadlinesFor },
): CaseHistory => {
  const knownAt = query.asKnownAt?.getTime();
  const known =
    knownAt === undefined ? recorded : recorded.filter((r) => Date.parse(metadataOf(r).recordedAt) <= knownAt);
  const replay = replayStream(known);
  const visible = query.asOf === undefined ? replay.steps : replay.steps.filter((s) => s.event.on <= query.asOf!);
  const state = stateAsOf(replay, visible, query.asOf);
  const day = query.asOf ?? (query.asKnownAt ? localDateInVietnam(query.asKnownAt) : context.today);
  const deadlines = state.status === 'known' ? (context.deadlinesFor?.(visible, day) ?? []) : [];
  const entries = visible.map((s) => entryOf(s, replay.correctedBy));
  const attribution = attributeDeadlines(deadlines, entries);
  for (const e of entries) {
    e.deadlinesOpened = attribution.opened.get(e.id) ?? [];
    e.deadlinesMet = attribution.met.get(e.id) ?? [];
  }
  return {
    caseId,
    asOf: query.asOf ?? null,
    asKnownAt: query.asKnownAt?.toISOString() ?? null,
    lateRecordingDays: LATE_RECORDING_DAYS,
    ...caseView(state, day),
    deadlines,
    revision: entries.length ? entries[entries.length - 1].revision : null,
    case: visible.length ? caseFacts(visible[0].recorded) : null,
    events: entries,
  };
};

interface Step {
  recorded: RecordedEvent;
  event: CaseEvent;
  before: CaseState;
  after: KnownCase;
}
interface Replay {
  steps: Step[];
  final: CaseState;
  correctedBy: Map<string, string>;
  hasCorrections: boolean;
}

/** Folds the stream in order, keeping the state after each event. */
const replayStream = (recorded: ReadonlyArray<RecordedEvent>): Replay => {
  const steps: Step[] = [];
  const correctedBy = new Map<string, string>();
  let state = caseDecider.initialState();
  for (const r of recorded) {
    const event = domainEventOf(r);
    const before = state;
    state = caseDecider.evolve(state, event);
    if (event.type === 'StepCorrected') correctedBy.set(event.data.correctsEventId, r.id);
    if (state.status === 'known') steps.push({ recorded: r, event, before, after: state });
  }
  return { steps, final: state, correctedBy, hasCorrections: correctedBy.size > 0 };
};

/**
 * The case at the end of `asOf`: its effective steps dated up to then, so a step later voided by
 * a known correction counts as never taken. Without corrections that is simply the state after
 * the last event dated up to then (business dates never go backwards in a stream).
 */
const stateAsOf = (replay: Replay, visible: Step[], asOf: LocalDate | undefined): CaseState => {
  if (asOf === undefined) return replay.final;
  if (!replay.hasCorrections) return visible.length ? visible[visible.length - 1].after : caseDecider.initialState();
  if (replay.final.status !== 'known') return replay.final;
  return replay.final.steps.filter((e) => e.on <= asOf).reduce(caseDecider.evolve, caseDecider.initialState());
};

const entryOf = ({ recorded, event, before, after }: Step, correctedBy: Map<string, string>): HistoryEntry => {
  const m = metadataOf(recorded);
  const step = stepOfEventType(recorded.type) ?? null;
  const delay = recordingDelayDays(m.on, m.recordedAt);
  const name = stateNameOf(after.lifecycle);
  return {
    position: Number(recorded.position),
    revision: Number(recorded.revision),
    id: recorded.id,
    type: recorded.type,
    step,
    stepLabel: step ? STEP_LABELS[step] : recorded.type,
    on: event.on,
    recordedAt: m.recordedAt,
    actor: m.actor,
    recordingDelayDays: delay,
    lateRecorded: isLateRecorded(delay),
    data: recorded.data,
    applied: after !== before,
    correctedBy: correctedBy.get(recorded.id) ?? null,
    stateAfter: name,
    stateAfterLabel: STATE_LABELS[name],
    amountsAfter: amountsView(after.lifecycle.context.amounts),
    deadlinesOpened: [],
    deadlinesMet: [],
  };
};

const caseView = (state: CaseState, day: LocalDate) => {
  if (state.status !== 'known')
    return { state: null, stateLabel: NOT_YET, statisticClass: null, amounts: null, allowedSteps: [] };
  const name = stateNameOf(state.lifecycle);
  return {
    state: name,
    stateLabel: STATE_LABELS[name],
    statisticClass: STATISTIC_CLASS[name],
    amounts: amountsView(state.lifecycle.context.amounts),
    allowedSteps: allowedStepsOf(state, maxDate(day, state.lastOn)),
  };
};

const caseFacts = (received: RecordedEvent): CaseFacts => {
  const d = received.data as unknown as CaseReceivedData;
  return {
    unitId: d.unitId,
    origin: d.origin,
    receivedOn: metadataOf(received).on,
    judgment: d.judgment,
    creditor: d.creditor,
    debtor: d.debtor,
  };
};
