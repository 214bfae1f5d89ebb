import type { components } from '../../api/schema';

/** GET /api/steps: each step's form (libs/application/src/requests/step-fields.ts). */
export type StepDescription = components['schemas']['StepDescriptionDto'];
export type StepFieldDescription = components['schemas']['StepFieldDto'];
export type Words = components['schemas']['Words'];

type Schemas = components['schemas'];

/** The answers of the case pages, as the API describes them (npm run openapi keeps them current). */
export type Amounts = Schemas['CaseAmounts'];
/** A deadline of the case (libs/domain/src/deadlines/evaluate.ts DeadlineItem). */
export type Deadline = Schemas['DeadlineItemSchema'];
/** GET /api/cases/{caseId} (apps/api/src/cases/case-view.ts). */
export type CaseView = Schemas['CaseViewResponse'];
export type Actor = Schemas['ActorSchema'];
/** One event of GET /api/cases/{caseId}/history (libs/application/src/history/case-history.ts). */
export type HistoryEntry = Schemas['HistoryEntrySchema'];
export type CaseHistory = Schemas['CaseHistoryResponse'];
export type Verification = Schemas['CaseVerifyResponse'];
