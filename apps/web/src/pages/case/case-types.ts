import type { components } from '../../api/schema';

/** GET /api/steps: each step's form (libs/application/src/requests/step-fields.ts). */
export type StepDescription = components['schemas']['StepDescriptionDto'];
export type StepFieldDescription = components['schemas']['StepFieldDto'];
export type Words = components['schemas']['Words'];

export interface Amounts {
  due: string;
  collected: string;
  disbursed: string;
  reduced: string;
  remaining: string;
}

/** A deadline of the case (libs/domain/src/deadlines/evaluate.ts DeadlineItem). */
export interface Deadline {
  rule: string;
  title: string;
  legalBasis: { law: string; article: string };
  actor: string;
  startsOn: string;
  due: string;
  unit: string;
  length: number;
  status: 'open' | 'overdue' | 'met' | 'late' | 'cancelled';
  satisfiedOn?: string;
  daysLate?: number;
  daysOverdue?: number;
  cancelledBy?: { step: string; on: string };
}

/** GET /api/cases/{caseId} (apps/api/src/cases/case-view.ts). */
export interface CaseView {
  caseId: string;
  unitId: string;
  origin: string;
  state: string;
  stateLabel: string;
  statisticClass: string;
  amounts: Amounts;
  allowedSteps: string[];
  revision: number;
  position: number;
  receivedOn: string;
  lastStepOn: string;
  enforcerId: string | null;
  latestStep: { eventId: string | null; step: string; stepLabel: string; on: string } | null;
  entrustedFrom: { caseId: string; unitId: string } | null;
  entrustedTo: { caseId: string; unitId: string } | null;
  judgment: { court: string; number: string; date: string };
  creditor: { name: string };
  debtor: { name: string };
  deadlines: Deadline[];
}

export interface Actor {
  id: string;
  role: string;
  unitId: string;
}

/** One event of GET /api/cases/{caseId}/history (libs/application/src/history/case-history.ts). */
export interface HistoryEntry {
  position: number;
  revision: number;
  id: string;
  type: string;
  step: string | null;
  stepLabel: string;
  on: string;
  recordedAt: string;
  actor: Actor;
  recordingDelayDays: number;
  lateRecorded: boolean;
  data: Record<string, unknown>;
  applied: boolean;
  correctedBy: string | null;
  stateAfter: string;
  stateAfterLabel: string;
  amountsAfter: Amounts;
}

export interface CaseHistory {
  caseId: string;
  asOf: string | null;
  asKnownAt: string | null;
  lateRecordingDays: number;
  state: string | null;
  stateLabel: string;
  statisticClass: string | null;
  amounts: Amounts | null;
  revision: number | null;
  case: {
    unitId: string;
    origin: string;
    receivedOn: string;
    judgment: CaseView['judgment'];
    creditor: { name: string };
    debtor: { name: string };
  } | null;
  events: HistoryEntry[];
  anchor?: { seq: number; position: string; count: number; at: string; digest: string; keyFingerprint: string };
  eventsAfterAnchor?: number;
}

export interface Verification {
  caseId: string;
  valid: boolean;
  checked: number;
  firstBroken?: { revision: number; reason: string };
}
