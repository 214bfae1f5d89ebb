import { DeadlineRule } from './deadline-rule';
import { CASE_ENDS, LAW_2008, LAW_2014, LAW_2022, LAW_2025, LENGTH_UNCONFIRMED_2026 } from './legal-sources';

// docs/domain.md §3 rows 4 (bankruptcy decisions) and 24: decisions on a receipt that has a term of its own.

const decideBankruptcy = {
  id: 'decide-bankruptcy',
  row: '4',
  title: 'Ra quyết định thi hành án đối với quyết định của Tòa án giải quyết phá sản',
  trigger: 'receive',
  when: 'bankruptcyDecision',
  satisfiedBy: ['decide'],
  cancelledBy: CASE_ENDS,
  length: 3,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'Opened by `bankruptcyDecision: true` on the receive step (the court decision resolving a bankruptcy, enforced ex officio). ' +
    'Before 1 July 2015 such a decision had no term of its own here: the ex officio 5-WD rule reads it.',
} as const;

const receiverDecides = {
  id: 'receiver-decides-entrusted-case',
  row: '24',
  title: 'Cơ quan nhận ủy thác ra quyết định thi hành án',
  trigger: 'receive',
  when: 'entrustedIn',
  satisfiedBy: ['decide'],
  cancelledBy: CASE_ENDS,
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'Opened by the receipt of an entrusted-in case (`entrustedFrom` on the receive step the entrustment appends to the receiving ' +
    'unit, dated the day of the entrustment). The law counts from the day the receiving unit gets the entrustment decision; its ' +
    'arrival is not recorded, so the term can be a few days stricter. Such a case has no other decision rule (rows 3–4).',
} as const;

export const RECEIVED_RULES: ReadonlyArray<DeadlineRule> = [
  {
    ...decideBankruptcy,
    regime: '2015',
    legalBasis: { law: LAW_2014, article: 'Điều 36.2 (điểm e)' },
    confidence: 'sure',
  },
  {
    ...decideBankruptcy,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 33 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  // The 2008 text's term for the receiving unit was not read: the 5 working days of the decision rules (Điều 36) are kept.
  {
    ...receiverDecides,
    regime: '2009',
    legalBasis: {
      law: LAW_2008,
      article: 'Điều 57 (thời hạn chưa đối chiếu; tạm áp dụng 05 ngày làm việc của Điều 36)',
    },
    confidence: 'unsure',
  },
  {
    ...receiverDecides,
    regime: '2015',
    appliesUntil: '2022-02-28',
    legalBasis: { law: LAW_2014, article: 'Điều 57' },
    confidence: 'likely',
  },
  {
    ...receiverDecides,
    regime: '2015',
    appliesFrom: '2022-03-01',
    legalBasis: { law: LAW_2022, article: 'Điều 57.1.b' },
    confidence: 'sure',
  },
  {
    ...receiverDecides,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 49 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
];
