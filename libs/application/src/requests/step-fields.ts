import {
  ASSET_KINDS,
  AUCTION_RESULTS,
  CASE_CLASSES,
  CREDITOR_KINDS,
  IMMEDIATE_SEIZURE_GROUNDS,
  JUDGMENT_KINDS,
  LIMITATION_GROUNDS,
  NOTICE_RECIPIENTS,
  POSTPONE_REASONS,
  REFUSE_REASONS,
  RELIEF_GROUNDS,
  STATE_BUDGET_ITEMS,
  StepData,
  StepName,
  SUSPEND_REASONS,
  TERMINATE_REASONS,
  WITHOUT_CONDITIONS_GROUNDS,
} from '@thads/domain';
import type { StepRequest } from './step-request';

/**
 * What a form needs to know of a field: `id` a code of the safe alphabet (an officer), `unit` a
 * registered unit, `uuid` an event id, `money` whole đồng as a decimal string, `date` YYYY-MM-DD.
 */
export type StepFieldKind = 'date' | 'money' | 'enum' | 'text' | 'id' | 'boolean' | 'uuid' | 'unit';

/** One field of one step; the data fields are those the step records (StepData), typed so. */
export interface StepField<N extends string = string> {
  name: N;
  kind: StepFieldKind;
  /** Required always, or only when another field holds a value (`ground` when `class` is withoutConditions). */
  required?: true | { field: string; equals: string };
  /** The codes an `enum` accepts; their labels are the domain's (CODE_LABELS, CODE_LABELS_EN). */
  options?: ReadonlyArray<string>;
}

type DataFields<S extends StepName> = ReadonlyArray<StepField<Extract<keyof StepData[S], keyof StepRequest>>>;

export interface StepFieldsRow<S extends StepName = StepName> {
  /** The article the step is taken under, shown on the form. */
  legalBasis: string;
  fields: DataFields<S>;
}

const date = <N extends string>(name: N, required?: true): StepField<N> => ({
  name,
  kind: 'date',
  ...(required && { required }),
});
const text = <N extends string>(name: N, required?: true): StepField<N> => ({
  name,
  kind: 'text',
  ...(required && { required }),
});
const money = <N extends string>(name: N, required?: StepField['required']): StepField<N> => ({
  name,
  kind: 'money',
  ...(required && { required }),
});
const oneOf = <N extends string>(
  name: N,
  options: ReadonlyArray<string>,
  required?: StepField['required'],
): StepField<N> => ({ name, kind: 'enum', options, ...(required && { required }) });

/**
 * Every step's own fields, in the order a form shows them: THE table the console's step forms are
 * drawn from (GET /api/steps), and the one toStepCommand reads to know what a step records. A
 * spec (step-fields.spec.ts) proves it agrees with StepRequest's validation for every step:
 * each field it names is accepted, each it calls required is refused when missing.
 * Every request also carries `on` (the step's date) and may carry `note` (COMMON_STEP_FIELDS).
 */
export const STEP_FIELDS: { [S in StepName]: StepFieldsRow<S> } = {
  refuse: { legalBasis: 'Luật THADS Điều 31.5', fields: [oneOf('reason', REFUSE_REASONS)] },
  decide: {
    legalBasis: 'Luật THADS Điều 36; Điều 30 (thời hiệu)',
    fields: [text('decisionNumber'), oneOf('limitationGround', LIMITATION_GROUNDS)],
  },
  assign: {
    legalBasis: 'Luật THADS Điều 23; NĐ 62/2015/NĐ-CP Điều 6',
    fields: [{ name: 'enforcerId', kind: 'id', required: true }],
  },
  notify: {
    legalBasis: 'Luật THADS Điều 38 (Viện kiểm sát), 39–43; TT 04/2023/TT-BTP Điều 5 (công khai)',
    fields: [oneOf('to', NOTICE_RECIPIENTS), text('recipient')],
  },
  verify: { legalBasis: 'Luật THADS Điều 44; Điều 44.5 (kết quả xác minh khác)', fields: [date('findingOn')] },
  classify: {
    legalBasis: 'Luật THADS Điều 44, 44a; NĐ 62/2015/NĐ-CP Điều 9',
    fields: [
      oneOf('class', CASE_CLASSES, true),
      oneOf('ground', WITHOUT_CONDITIONS_GROUNDS, { field: 'class', equals: 'withoutConditions' }),
      date('groundOn'),
    ],
  },
  seize: {
    legalBasis: 'Luật THADS Điều 87–95; Điều 45.2 (áp dụng ngay)',
    fields: [oneOf('assetKind', ASSET_KINDS), text('description'), oneOf('immediateGround', IMMEDIATE_SEIZURE_GROUNDS)],
  },
  value: {
    legalBasis: 'Luật THADS Điều 98, 99',
    fields: [money('price'), oneOf('assetKind', ASSET_KINDS), date('contractOn')],
  },
  signAuctionContract: { legalBasis: 'Luật THADS Điều 101.1, 101.2', fields: [] },
  auction: {
    legalBasis: 'Luật THADS Điều 101–104',
    fields: [
      oneOf('result', AUCTION_RESULTS, true),
      money('price', { field: 'result', equals: 'sold' }),
      date('contractOn'),
    ],
  },
  deliver: { legalBasis: 'Luật THADS Điều 106; NĐ 62/2015/NĐ-CP Điều 27.3', fields: [] },
  collect: {
    legalBasis: 'Luật THADS Điều 47, 78',
    fields: [money('amount', true), { name: 'buyerPaidInFull', kind: 'boolean' }],
  },
  disburse: { legalBasis: 'Luật THADS Điều 47', fields: [money('amount', true)] },
  reduce: {
    legalBasis: 'Luật THADS Điều 61, 63, 64',
    fields: [
      money('amount', true),
      text('court', true),
      text('decisionNumber', true),
      date('decisionOn', true),
      oneOf('stateBudgetItem', STATE_BUDGET_ITEMS, true),
      oneOf('reliefGround', RELIEF_GROUNDS),
    ],
  },
  complete: { legalBasis: 'Luật THADS Điều 52, 53', fields: [] },
  terminate: { legalBasis: 'Luật THADS Điều 50', fields: [oneOf('reason', TERMINATE_REASONS, true), date('groundOn')] },
  postpone: {
    legalBasis: 'Luật THADS Điều 48; NĐ 62/2015/NĐ-CP Điều 14',
    fields: [oneOf('reason', POSTPONE_REASONS, true), date('groundOn')],
  },
  suspend: { legalBasis: 'Luật THADS Điều 49', fields: [oneOf('reason', SUSPEND_REASONS, true), date('groundOn')] },
  resume: { legalBasis: 'Luật THADS Điều 48.3, 49.3', fields: [date('groundOn')] },
  moveToSeparateTracking: { legalBasis: 'NĐ 62/2015/NĐ-CP Điều 9.5–9.6', fields: [] },
  restore: { legalBasis: 'Luật THADS Điều 44a.2; NĐ 62/2015/NĐ-CP Điều 9.6', fields: [] },
  entrust: {
    legalBasis: 'Luật THADS Điều 55–57 (sửa đổi bởi Luật 03/2022/QH15)',
    fields: [{ name: 'toUnitId', kind: 'unit', required: true }, date('groundOn')],
  },
  transfer: {
    legalBasis:
      'Luật THADS Điều 35; NQ 190/2025/QH15, NQ 202/2025/QH15; CV 3769/BTP-TCTHADS ngày 25/06/2025 (docs/reorganisation.md)',
    fields: [
      { name: 'toUnitId', kind: 'unit', required: true },
      text('reason'),
      { name: 'reorganisationId', kind: 'id' },
    ],
  },
  revoke: { legalBasis: 'Luật THADS Điều 37', fields: [] },
  returnRequest: { legalBasis: 'NĐ 152/2026/NĐ-CP Điều 22.2', fields: [] },
  // At least one of the three (StepRequest refuses an empty one); none is required by itself.
  recordCaseKinds: {
    legalBasis: 'TT 06/2019/TT-BTP (chế độ báo cáo thống kê THADS); docs/watchlists.md',
    fields: [
      oneOf('creditorKind', CREDITOR_KINDS),
      oneOf('judgmentKind', JUDGMENT_KINDS),
      { name: 'steeringCommittee', kind: 'boolean' },
    ],
  },
  correct: {
    legalBasis: 'docs/architecture.md §3 (sự kiện không sửa, không xóa; bước ghi nhầm được đính chính)',
    fields: [{ name: 'correctsEventId', kind: 'uuid', required: true }, text('reason', true)],
  },
};

/** What every step request carries besides its own fields (the form fills `expectedRevision` itself). */
export const COMMON_STEP_FIELDS: ReadonlyArray<StepField<'on' | 'note'>> = [date('on', true), text('note')];

/** The data fields `step` records, by name. */
export const stepDataFields = (step: StepName): ReadonlyArray<keyof StepRequest> =>
  (STEP_FIELDS[step].fields as ReadonlyArray<StepField>).map((f) => f.name as keyof StepRequest);
