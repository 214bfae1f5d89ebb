import { CreditorKind, JudgmentKind } from './case-kinds';
import { LocalDate } from './local-date';
import {
  AssetKind,
  AuctionResult,
  CaseClass,
  ImmediateSeizureGround,
  LimitationGround,
  NoticeRecipient,
  Origin,
  PostponeReason,
  RefuseReason,
  ReliefGround,
  StateBudgetItem,
  SuspendReason,
  TerminateReason,
  WithoutConditionsGround,
} from './reasons';

/** Money in events is whole đồng as a decimal string (docs/style.md §2). */
export type VndString = string;

export interface CaseReceivedData {
  caseId: string;
  unitId: string;
  origin: Origin;
  /**
   * `effectiveOn`: the day the judgment took effect (ngày có hiệu lực pháp luật), from which the
   * 5-year limitation of a request runs (Luật THADS Điều 30.1); absent, the judgment's date stands for it.
   */
  judgment: { court: string; number: string; date: LocalDate; effectiveOn?: LocalDate; kind?: JudgmentKind };
  /** `kind`: what the creditor is (case-kinds.ts); absent on cases received before it was asked. */
  creditor: { name: string; kind?: CreditorKind };
  debtor: { name: string };
  amountDue: VndString;
  obligation?: string;
  /** A court decision on an interim measure (biện pháp khẩn cấp tạm thời): enforced at once (Luật THADS Điều 36.2). */
  interimMeasure?: boolean;
  /**
   * A court decision resolving a bankruptcy (quyết định của Tòa án giải quyết phá sản): enforced ex
   * officio, decided within 3 working days (Luật THADS Điều 36.2 as amended by Luật 64/2014/QH13).
   */
  bankruptcyDecision?: boolean;
  /** A steering committee (Ban chỉ đạo) follows the case (case-kinds.ts). */
  steeringCommittee?: boolean;
  note?: string;
  /**
   * Set on a case received by entrustment (ủy thác đến): the source case and its unit (Luật THADS
   * Điều 55–57), and the source's first enforcement decision, from which miễn/giảm waits (Điều 61.5).
   */
  entrustedFrom?: { caseId: string; unitId: string; firstDecisionOn?: LocalDate };
}

/**
 * What each step records besides `caseId` and an optional `note` (docs/architecture.md §5).
 * `groundOn` is the date the legal ground arose, when it differs from the decision's date:
 * deadlines such as "QĐ hoãn within 5 working days of the ground" run from it (docs/domain.md §3).
 */
export interface StepData {
  refuse: { reason?: RefuseReason };
  /** `limitationGround`: why a request made after the 5-year limitation is still enforced (Điều 30). */
  decide: { decisionNumber?: string; limitationGround?: LimitationGround };
  assign: { enforcerId: string };
  /**
   * `to`: whom the notice went to: the parties (default), the procuracy of the same level, which
   * receives every decision on enforcement (Luật THADS Điều 38), or the public, the online
   * publication of a debtor without conditions (TT 04/2023/TT-BTP Điều 5; NĐ 152/2026 Điều 23).
   */
  notify: { recipient?: string; to?: NoticeRecipient };
  /**
   * `findingOn`: the day the agency received a creditor's verification result that differs from
   * the officer's (or a protest of it); the officer verifies again within 5 working days (Điều 44.4–44.5).
   */
  verify: { findingOn?: LocalDate };
  /** groundOn: the day the ground of Điều 44a was established; the decision is due 5 WD after it (NĐ 62/2015 Điều 9.4). */
  classify: { class: CaseClass; ground?: WithoutConditionsGround; groundOn?: LocalDate };
  /** `immediateGround`: why the seizure comes before the voluntary period ran out (Điều 45.2, 46.1). */
  seize: { assetKind?: AssetKind; description?: string; immediateGround?: ImmediateSeizureGround };
  /** contractOn: the appraisal service contract the valuation was made under (Luật THADS Điều 98.2). */
  value: { price?: VndString; assetKind?: AssetKind; contractOn?: LocalDate };
  /**
   * The auction service contract signed with an auction organisation, on the step's date: the
   * auction is held within 30 days (45 for immovables) of it (Luật THADS Điều 101.2).
   */
  signAuctionContract: Record<string, never>;
  /** contractOn: the auction service contract when not recorded as its own step; the auction's term runs from it (Điều 101.2). */
  auction: { result: AuctionResult; price?: VndString; contractOn?: LocalDate };
  deliver: Record<string, never>;
  /** `buyerPaidInFull`: with this payment the auction buyer has paid the whole price (NĐ 62/2015 Điều 27.3). */
  collect: { amount: VndString; buyerPaidInFull?: boolean };
  disburse: { amount: VndString };
  /** Miễn, giảm: only by a court's decision, on a receipt of the State budget (Luật THADS Điều 61, 63–64). */
  reduce: {
    amount: VndString;
    court: string;
    decisionNumber: string;
    decisionOn: LocalDate;
    stateBudgetItem: StateBudgetItem;
    /** Điều 61.4: waiver of a partly paid fine or court fee on hardship or great merit, without the wait. */
    reliefGround?: ReliefGround;
  };
  complete: Record<string, never>;
  terminate: { reason: TerminateReason; groundOn?: LocalDate };
  postpone: { reason: PostponeReason; groundOn?: LocalDate };
  suspend: { reason: SuspendReason; groundOn?: LocalDate };
  resume: { groundOn?: LocalDate };
  moveToSeparateTracking: Record<string, never>;
  restore: Record<string, never>;
  /** `entrustedCaseId`: the case the receiving unit gets, filled in by the decider (entrustment.ts). */
  entrust: { toUnitId: string; groundOn?: LocalDate; entrustedCaseId?: string };
  /**
   * Chuyển giao hồ sơ: the case moves to another enforcement agency and stays the same case (its
   * decisions, amounts and deadlines go with it): by hand, or for every open case of a unit that
   * is merged, split or closed, then carrying the reorganisation's id (docs/reorganisation.md).
   * Unlike an entrustment (Điều 55–57) no new case is opened and the first unit keeps nothing.
   */
  transfer: { toUnitId: string; reason?: string; reorganisationId?: string; fromUnitId?: string };
  revoke: Record<string, never>;
  returnRequest: Record<string, never>;
  /**
   * A step recorded by mistake is voided by a later correction, never edited (docs/architecture.md §3).
   * Only the latest effective step can be corrected; the decider fills in what it corrects.
   */
  /**
   * What the case is about, recorded or put right after receipt (case-kinds.ts): each field named
   * replaces what the case had; a field left out keeps it. Changes no state and no deadline.
   */
  recordCaseKinds: { creditorKind?: CreditorKind; judgmentKind?: JudgmentKind; steeringCommittee?: boolean };
  correct: { correctsEventId: string; reason: string; correctsType?: string; correctsOn?: LocalDate };
}
export type StepName = keyof StepData;

/** Each step records one past-tense fact; the names are fixed once published (docs/style.md §1–2). */
export const STEP_EVENT = {
  refuse: 'RequestRefused',
  decide: 'EnforcementDecided',
  assign: 'EnforcerAssigned',
  notify: 'PartiesNotified',
  verify: 'MeansVerified',
  classify: 'CaseClassified',
  seize: 'AssetsSeized',
  value: 'AssetsValued',
  signAuctionContract: 'AuctionContractSigned',
  auction: 'AssetsAuctioned',
  deliver: 'AssetDelivered',
  collect: 'MoneyCollected',
  disburse: 'MoneyDisbursed',
  reduce: 'ObligationReduced',
  complete: 'CaseCompleted',
  terminate: 'CaseTerminated',
  postpone: 'CasePostponed',
  suspend: 'CaseSuspended',
  resume: 'CaseResumed',
  moveToSeparateTracking: 'CaseMovedToSeparateTracking',
  restore: 'CaseRestored',
  entrust: 'CaseEntrusted',
  transfer: 'CaseTransferred',
  revoke: 'DecisionRevoked',
  returnRequest: 'RequestReturned',
  recordCaseKinds: 'CaseKindsRecorded',
  correct: 'StepCorrected',
} as const satisfies Record<StepName, string>;

/** A case's stream: `case-<caseId>` (docs/architecture.md §4). */
export const caseStream = (caseId: string) => `case-${caseId}`;

export const STEP_NAMES = Object.keys(STEP_EVENT) as StepName[];

/** A domain event: type, plain-JSON data, and the business date `on` (lifted from metadata). */
export interface DomainEvent<T extends string, D> {
  type: T;
  data: D;
  on: LocalDate;
  /** The stored event's id, when the event was read from the store (corrections name it). */
  id?: string;
  /** Set only while a recorded event is folded: the law's guards judged it when it was taken (machine.ts). */
  fromLog?: true;
}

export type CaseReceived = DomainEvent<'CaseReceived', CaseReceivedData>;
export type StepEventOf<S extends StepName> = DomainEvent<
  (typeof STEP_EVENT)[S],
  { caseId: string; note?: string } & StepData[S]
>;
export type StepEvent = { [S in StepName]: StepEventOf<S> }[StepName];
export type CaseEvent = CaseReceived | StepEvent;
export type CaseEventType = CaseEvent['type'];

const EVENT_STEP = Object.fromEntries(Object.entries(STEP_EVENT).map(([s, t]) => [t, s])) as Record<string, StepName>;

/** The step that recorded an event type; 'receive' for the opening event. */
export const stepOfEventType = (type: string): StepName | 'receive' | undefined =>
  type === 'CaseReceived' ? 'receive' : EVENT_STEP[type];

export const CASE_EVENT_TYPES: ReadonlyArray<CaseEventType> = ['CaseReceived', ...Object.values(STEP_EVENT)];

export const isCaseEventType = (type: string): type is CaseEventType => (CASE_EVENT_TYPES as string[]).includes(type);

/**
 * Every event type starts at schema version 1. A published shape never changes: a new shape
 * gets a new version and an upcaster in `upcast.ts` (docs/architecture.md §4).
 */
export const CURRENT_SCHEMA_VERSION = 1;
