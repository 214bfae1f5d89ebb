import { DECREE_62_FROM } from '../regime';
import { DeadlineRule } from './deadline-rule';
import { CASE_ENDS, DECREE_62, LAW_2008, LAW_2014, LAW_2025, LENGTH_UNCONFIRMED_2026 } from './legal-sources';

// docs/domain.md §3 rows 13, 15, 16, 17: cases without conditions (chưa có điều kiện thi hành).

const decideWithoutConditions = {
  id: 'decide-without-conditions',
  row: '13',
  title: 'Ra quyết định về việc chưa có điều kiện thi hành án',
  trigger: 'classify',
  when: 'withoutConditions',
  start: 'groundOnOrLastVerify',
  satisfiedBy: ['classify'],
  cancelledBy: [],
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note: 'Judged on the classification itself, from `groundOn` in its data or else the verification that found the ground.',
} as const;

const periodicReverification = {
  id: 'periodic-reverification',
  row: '15',
  title: 'Xác minh định kỳ điều kiện thi hành án của việc chưa có điều kiện',
  trigger: ['classify', 'verify'],
  when: 'periodicReverification',
  satisfiedBy: ['verify'],
  satisfiedWhen: 'countedVerification',
  cancelledBy: ['classify', 'restore', 'moveToSeparateTracking', ...CASE_ENDS],
  pausedBy: ['suspend'],
  length: 6,
  unit: 'months',
  lengthWhen: { when: 'addressUnknownGround', length: 12 },
  actor: 'agency',
  calendar: 'agency',
  note:
    'Opened by the classification without conditions and again by each verification that counts, until two have been made ' +
    '(then only new information calls for one). A verification counts, and meets the term, as the lifecycle counts it: one per ' +
    "period of the rhythm from the decision, so two on one day, a second in the same period, or one on the decision's day do not. Yearly when the address is unknown; the prisoner case " +
    '(≥ 2 years left to serve) is not recorded and gets 6 months. Paused by a suspension, which stops all enforcement ' +
    '(Điều 49) and during which the lifecycle accepts no verification; not by a postponement: NĐ 62/2015 Điều 9.3 pairs ' +
    'unknown-address cases with a postponement, and their yearly verification still runs.',
} as const;

const verifyNewInformation = {
  id: 'verify-new-information',
  row: '16',
  title: 'Xác minh khi có thông tin mới về điều kiện thi hành án',
  trigger: 'restore',
  satisfiedBy: ['verify'],
  cancelledBy: CASE_ENDS,
  length: 10,
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
  note: 'The restore step records that new information arrived. New information while the case is still without conditions has no step of its own.',
} as const;

const moveToSeparateTracking = {
  id: 'move-to-separate-tracking',
  row: '17',
  title: 'Chuyển sổ theo dõi riêng',
  trigger: 'classify',
  when: 'withoutConditions',
  start: 'separateTrackingEligible',
  satisfiedBy: ['moveToSeparateTracking'],
  cancelledBy: ['classify', 'restore', ...CASE_ENDS],
  length: 3,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'Opens the first day the lifecycle allows the move (the same guard, judged by the regime of that day): 1 year after ' +
    'the classification (2 if the address is unknown) and two verifications since; "no new information" is not recorded and ' +
    'is assumed. From 1 July 2026 the move follows NĐ 152/2026 (its Điều 115: the next step follows the new decree), whose ' +
    'Điều 22 asks 2 years and sets no deadline for the move, so there is no 2026 entry and a term still running on ' +
    '30 June 2026 lapses then.',
} as const;

const reverifyOnDifferingFinding = {
  id: 'reverify-on-differing-finding',
  row: '10',
  title: 'Xác minh lại khi kết quả xác minh của người được thi hành án khác',
  trigger: 'verify',
  when: 'differingFinding',
  start: 'findingOn',
  satisfiedBy: ['verify'],
  cancelledBy: [],
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    "Judged on the re-verification itself, from `findingOn` in its data: the day the creditor's differing result (or the " +
    'protest) was received. Not opened without it; a finding never answered by a verification is not seen.',
} as const;

export const VERIFICATION_RULES: ReadonlyArray<DeadlineRule> = [
  // No 2009 entries for rows 13, 16, 17: they live in the decree (NĐ 58/2009/NĐ-CP), not read.
  {
    ...decideWithoutConditions,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    legalBasis: { law: DECREE_62, article: 'Điều 9.4' },
    confidence: 'sure',
  },
  {
    ...decideWithoutConditions,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 38.1 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  {
    ...periodicReverification,
    regime: '2009',
    legalBasis: { law: LAW_2008, article: 'Điều 44.2' },
    confidence: 'likely',
  },
  {
    ...periodicReverification,
    regime: '2015',
    legalBasis: { law: LAW_2014, article: 'Điều 44.2' },
    confidence: 'sure',
  },
  {
    ...periodicReverification,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 38.3 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  // Only the amended Law was read for row 10: no 2009 entry; the 2025 Law's verification article keeps the old term.
  {
    ...reverifyOnDifferingFinding,
    regime: '2015',
    legalBasis: { law: LAW_2014, article: 'Điều 44.5' },
    confidence: 'sure',
  },
  {
    ...reverifyOnDifferingFinding,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 38 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  {
    ...verifyNewInformation,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    legalBasis: { law: DECREE_62, article: 'Điều 9.4; Điều 9.6' },
    confidence: 'sure',
  },
  {
    ...verifyNewInformation,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 38.2 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  {
    ...moveToSeparateTracking,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    lapsesAfter: '2026-06-30',
    legalBasis: { law: DECREE_62, article: 'Điều 9.5 (sửa đổi bởi NĐ 33/2020/NĐ-CP)' },
    confidence: 'sure',
  },
];
